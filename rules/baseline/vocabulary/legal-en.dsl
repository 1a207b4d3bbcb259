# Doelbinding legal vocabulary (English), version 1.
#
# Authors write rules only in these sentences. A condition starts with "the request" or
# "the requested field"; lines starting with "-" below it narrow it down. An action names one
# outcome, then "citing" the provision and "because" a reason in plain language.
# Codes (purposes, instruments, fields, categories) are checked against the catalogue.

# ---- the request ------------------------------------------------------------------------
[when]the request=$request : RequestFact()
[when]- names no purpose=hasPurpose == false
[when]- is for the purpose {purpose:[A-Z][A-Z0-9_]*}=purpose == "{purpose}"
[when]- is not for the purpose {purpose:[A-Z][A-Z0-9_]*}=purpose != "{purpose}"
[when]- is for one of the purposes {purposes:[A-Z][A-Z0-9_, ]*}=purpose in (@codes({purposes}))
[when]- is not for one of the purposes {purposes:[A-Z][A-Z0-9_, ]*}=purpose not in (@codes({purposes}))
[when]- is based on {instrument:[A-Z][A-Z0-9_]*}=instrument == "{instrument}"
[when]- is not based on {instrument:[A-Z][A-Z0-9_]*}=instrument != "{instrument}"
[when]- is based on one of {instruments:[A-Z][A-Z0-9_, ]*}=instrument in (@codes({instruments}))
[when]- is not based on one of {instruments:[A-Z][A-Z0-9_, ]*}=instrument not in (@codes({instruments}))
[when]- is based on a statutory order=order == true
[when]- is not based on a statutory order=order == false
[when]- names an instrument the catalogue does not accept for its purpose=hasPurpose == true, instrumentAccepted == false
[when]- names an instrument the catalogue accepts for its purpose=instrumentAccepted == true
[when]- states no reference of the order=orderReference == false
[when]- states no authorisation of the examining magistrate=authorisation == false
[when]- rests on an order given orally=oral == true
[when]- rests on a written order=oral == false
[when]- has no case reference=caseReference == false
[when]- is for a purpose that needs a case reference=caseReferenceRequired == true
[when]- names no subject=subjects == 0
[when]- names more subjects than the volume threshold=subjects > subjectThreshold
[when]- would exceed the number of requests its unit may make in the window=earlierRequests >= requestThreshold
[when]- would bring its unit's coverage of a location above the coverage threshold=locationCoverage > coverageThreshold

# ---- the requested field (a rule sees one field at a time) -------------------------------
[when]the requested field=$field : FieldFact()
[when]- is in the category {category:[A-Z][A-Z_]*}=category == "{category}"
[when]- is not in the category {category:[A-Z][A-Z_]*}=category != "{category}"
[when]- is in one of the categories {categories:[A-Z][A-Z_, ]*}=category in (@codes({categories}))
[when]- is the field {field:[a-z][a-z0-9_]*}=name == "{field}"
[when]- is not the field {field:[a-z][a-z0-9_]*}=name != "{field}"
[when]- is one of the fields {fields:[a-z][a-z0-9_, ]*}=name in (@codes({fields}))
[when]- is not one of the fields {fields:[a-z][a-z0-9_, ]*}=name not in (@codes({fields}))
[when]- may indirectly reveal a special category=revealsSpecialCategory == true
[when]- does not indirectly reveal a special category=revealsSpecialCategory == false

# ---- outcomes -----------------------------------------------------------------------------
[then]reject the request=verdicts.request(kcontext, FieldOutcome.REJECT)
[then]escalate the request=verdicts.request(kcontext, FieldOutcome.ESCALATE)
[then]disclose the field=verdicts.field(kcontext, $field, FieldOutcome.DISCLOSE)
[then]mask the field=verdicts.field(kcontext, $field, FieldOutcome.MASK)
[then]generalise the field=verdicts.field(kcontext, $field, FieldOutcome.GENERALISE)
[then]pseudonymise the field=verdicts.field(kcontext, $field, FieldOutcome.PSEUDONYMISE)
[then]escalate the field=verdicts.field(kcontext, $field, FieldOutcome.ESCALATE)
[then]reject the field=verdicts.field(kcontext, $field, FieldOutcome.REJECT)
[then]citing "{citation:[^"\\]*}"=.citing("{citation}")
[then]because "{reason:[^"\\]*}"=.because("{reason}");
