// The benchmark lives here (written next).
print("blackbar-bench: not built yet")
