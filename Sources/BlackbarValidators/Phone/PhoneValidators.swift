/// The phone validators: `phone-e164` and one per national plan. See ``PhoneNumbers`` for the
/// input conventions and the plan files in this folder for what each plan checks.
let phoneValidators: [Validator] = [
    Validator(
        "phone-e164",
        "International number (+ or 00): assigned ITU E.164 country code, possible national number length, national plan for +1/31/33/34/39/44/48/49/55/91",
        predicate: { PhoneNumbers.isValidE164($0) }),
    Validator(
        "phone-us",
        "NANP number (US/CA): 10 digits or 1 + 10; area code [2-9][0-8]X, not N11/37X/96X; exchange [2-9]XX, not N11",
        predicate: { PhoneNumbers.isValidNational($0, plan: .us) }),
    Validator(
        "phone-gb",
        "UK number (Ofcom plan): 0 + 9 or 10 digits in the 01/02/03/05/07/08/09 ranges; 04, 06 and pagers rejected",
        predicate: { PhoneNumbers.isValidNational($0, plan: .gb) }),
    Validator(
        "phone-de",
        "German number (BNetzA plan): 0 + area code and subscriber (6-11 digits), mobiles 015x/016x/017x in 11-12 digits, 032/0180/0700/0800/0900",
        predicate: { PhoneNumbers.isValidNational($0, plan: .de) }),
    Validator(
        "phone-fr",
        "French number (ARCEP plan): 0 + 9 digits, second digit 1-9",
        predicate: { PhoneNumbers.isValidNational($0, plan: .fr) }),
    Validator(
        "phone-es",
        "Spanish number: 9 digits starting 6, 7, 8 or 9",
        predicate: { PhoneNumbers.isValidNational($0, plan: .es) }),
    Validator(
        "phone-it",
        "Italian number: fixed 0 + 5-10 digits, mobile 3 + 9-10 digits",
        predicate: { PhoneNumbers.isValidNational($0, plan: .it) }),
    Validator(
        "phone-nl",
        "Dutch number: 0 + 9 digits, second digit 1-9",
        predicate: { PhoneNumbers.isValidNational($0, plan: .nl) }),
    Validator(
        "phone-pl",
        "Polish number (UKE plan): 9 digits with an assigned 2-digit prefix, no trunk prefix",
        predicate: { PhoneNumbers.isValidNational($0, plan: .pl) }),
    Validator(
        "phone-br",
        "Brazilian number (Anatel): optional 0, DDD area code in use, 8-digit fixed (2-5) or 9-digit mobile (9)",
        predicate: { PhoneNumbers.isValidNational($0, plan: .br) }),
    Validator(
        "phone-in",
        "Indian number (TRAI): 10-digit mobile 6-9 (optionally after 0 or 91), or 0 + STD code + number in 11 digits",
        predicate: { PhoneNumbers.isValidNational($0, plan: .in) }),
]
