package nl.doelbinding.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;

/**
 * Reads a disclosure request (api.md section 2) from a JSON tree and validates it against the active
 * catalogue. Every problem is collected and named by property; unknown codes are errors, never guessed.
 * The requester is never read from the body: the caller passes the verified identity.
 */
public final class RequestReader {
    public static final int MAX_FIELDS = 100;
    public static final int MAX_SUBJECTS = 1000;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");
    private static final Set<String> TOP = Set.of("requestId", "purpose", "legalBasis", "caseReference", "subjects",
            "fields", "justification");
    private static final Set<String> BASIS = Set.of("instrument", "reference", "authorisationReference", "oral");
    private static final Set<String> SUBJECT = Set.of("vNumber");

    private final Catalogue catalogue;

    public RequestReader(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Reads a request sent by a verified requester. */
    public DisclosureRequest read(JsonNode body, Requester requester) {
        return read(body, requester, Set.of());
    }

    /**
     * Reads a request, tolerating the extra top-level properties named in {@code alsoAllowed} (a scenario
     * file's {@code requester}, for example).
     */
    public DisclosureRequest read(JsonNode body, Requester requester, Set<String> alsoAllowed) {
        List<ValidationError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new RequestValidationException(List.of(new ValidationError("$", "the request must be a JSON object")));
        }
        unknownProperties(body, "", TOP, alsoAllowed, errors);
        String requestId = text(body, "requestId", "requestId", errors).orElse(null);
        if (requestId == null) {
            errors.add(new ValidationError("requestId", "is required"));
        } else if (!REQUEST_ID.matcher(requestId).matches()) {
            errors.add(new ValidationError("requestId", "must be 1-100 letters, digits or . _ : / -"));
        }
        Optional<PurposeCode> purpose = purpose(body, errors);
        LegalBasis basis = legalBasis(body.get("legalBasis"), errors);
        Optional<String> caseReference = text(body, "caseReference", "caseReference", errors);
        List<Subject> subjects = subjects(body.get("subjects"), errors);
        List<FieldName> fields = fields(body.get("fields"), errors);
        String justification = text(body, "justification", "justification", errors).orElse("");
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new DisclosureRequest(requestId, purpose, basis, caseReference, subjects, fields, justification,
                requester);
    }

    private Optional<PurposeCode> purpose(JsonNode body, List<ValidationError> errors) {
        Optional<String> code = text(body, "purpose", "purpose", errors);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        try {
            PurposeCode purpose = new PurposeCode(code.get());
            if (catalogue.purpose(purpose).isEmpty()) {
                errors.add(new ValidationError("purpose", "unknown purpose '" + code.get() + "'"));
                return Optional.empty();
            }
            return Optional.of(purpose);
        } catch (IllegalArgumentException e) {
            errors.add(new ValidationError("purpose", "unknown purpose '" + code.get() + "'"));
            return Optional.empty();
        }
    }

    private LegalBasis legalBasis(JsonNode basis, List<ValidationError> errors) {
        if (basis == null || basis.isNull()) {
            return LegalBasis.none();
        }
        if (!basis.isObject()) {
            errors.add(new ValidationError("legalBasis", "must be an object"));
            return LegalBasis.none();
        }
        unknownProperties(basis, "legalBasis.", BASIS, Set.of(), errors);
        InstrumentCode instrument = InstrumentCode.NONE;
        Optional<String> code = text(basis, "instrument", "legalBasis.instrument", errors);
        if (code.isPresent()) {
            try {
                instrument = new InstrumentCode(code.get());
            } catch (IllegalArgumentException e) {
                instrument = null;
            }
            if (instrument == null || catalogue.instrument(instrument).isEmpty()) {
                errors.add(new ValidationError("legalBasis.instrument", "unknown instrument '" + code.get() + "'"));
                instrument = InstrumentCode.NONE;
            }
        }
        boolean oral = false;
        JsonNode oralNode = basis.get("oral");
        if (oralNode != null && !oralNode.isNull()) {
            if (oralNode.isBoolean()) {
                oral = oralNode.booleanValue();
            } else {
                errors.add(new ValidationError("legalBasis.oral", "must be true or false"));
            }
        }
        return new LegalBasis(instrument, text(basis, "reference", "legalBasis.reference", errors),
                text(basis, "authorisationReference", "legalBasis.authorisationReference", errors), oral);
    }

    private static List<Subject> subjects(JsonNode subjects, List<ValidationError> errors) {
        List<Subject> result = new ArrayList<>();
        if (subjects == null || subjects.isNull()) {
            errors.add(new ValidationError("subjects", "is required (a list of named residents)"));
            return result;
        }
        if (!subjects.isArray()) {
            errors.add(new ValidationError("subjects", "must be a list"));
            return result;
        }
        if (subjects.size() > MAX_SUBJECTS) {
            errors.add(new ValidationError("subjects", "at most " + MAX_SUBJECTS + " subjects per request"));
            return result;
        }
        Set<VNumber> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            String property = "subjects[" + i + "]";
            JsonNode subject = subjects.get(i);
            if (!subject.isObject()) {
                errors.add(new ValidationError(property, "must be an object with a vNumber"));
                continue;
            }
            unknownProperties(subject, property + ".", SUBJECT, Set.of(), errors);
            JsonNode v = subject.get("vNumber");
            if (v == null || !v.isTextual()) {
                errors.add(new ValidationError(property + ".vNumber", "is required, as a string of ten digits"));
                continue;
            }
            try {
                VNumber number = new VNumber(v.textValue());
                if (!seen.add(number)) {
                    errors.add(new ValidationError(property + ".vNumber", "is named twice"));
                }
                result.add(new Subject(number));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationError(property + ".vNumber", "must be ten digits"));
            }
        }
        return result;
    }

    private List<FieldName> fields(JsonNode fields, List<ValidationError> errors) {
        Set<FieldName> result = new LinkedHashSet<>();
        if (fields == null || fields.isNull()) {
            errors.add(new ValidationError("fields", "is required (a list of field codes)"));
            return List.of();
        }
        if (!fields.isArray() || fields.isEmpty()) {
            errors.add(new ValidationError("fields", "must be a non-empty list of field codes"));
            return List.of();
        }
        if (fields.size() > MAX_FIELDS) {
            errors.add(new ValidationError("fields", "at most " + MAX_FIELDS + " fields per request"));
            return List.of();
        }
        for (int i = 0; i < fields.size(); i++) {
            String property = "fields[" + i + "]";
            JsonNode field = fields.get(i);
            if (!field.isTextual()) {
                errors.add(new ValidationError(property, "must be a field code"));
                continue;
            }
            Optional<FieldName> name = fieldName(field.textValue());
            if (name.isEmpty()) {
                errors.add(new ValidationError(property, "unknown field '" + field.textValue() + "'"));
            } else if (!result.add(name.get())) {
                errors.add(new ValidationError(property, "field '" + field.textValue() + "' is requested twice"));
            }
        }
        return List.copyOf(result);
    }

    private Optional<FieldName> fieldName(String code) {
        try {
            FieldName name = new FieldName(code);
            return catalogue.field(name).isPresent() ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String name, String property, List<ValidationError> errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            errors.add(new ValidationError(property, "must be a string"));
            return Optional.empty();
        }
        String text = value.textValue().strip();
        if (text.length() > 4000) {
            errors.add(new ValidationError(property, "is longer than 4000 characters"));
            return Optional.empty();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void unknownProperties(JsonNode node, String prefix, Set<String> known, Set<String> alsoAllowed,
                                          List<ValidationError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !alsoAllowed.contains(name)) {
                String hint = name.equals("requester") ? "identity comes from the token, never from the body"
                        : "unknown property";
                errors.add(new ValidationError(prefix + name, hint));
            }
        }
    }
}
