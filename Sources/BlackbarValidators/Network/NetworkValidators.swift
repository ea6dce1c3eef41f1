/// Validators for network identifiers: email domains and IPv6 addresses.
let networkValidators: [Validator] = [EmailDomain.validator, IPv6Address.validator]
