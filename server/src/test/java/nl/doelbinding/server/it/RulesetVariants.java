package nl.doelbinding.server.it;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Variants of the baseline ruleset, as a legal team would edit its folder, and their upload bodies. */
final class RulesetVariants {
    static final String IDENTIFICATION = "rules/identification.dslr";
    static final String REQUEST = "rules/request.dslr";

    private RulesetVariants() {
    }

    /** The baseline with a comment added: every check passes, only the hash differs. */
    static Map<String, String> cosmetic(Map<String, String> baseline, String note) {
        Map<String, String> files = new TreeMap<>(baseline);
        files.put(IDENTIFICATION, files.get(IDENTIFICATION) + "\n// " + note + "\n");
        return files;
    }

    /** The same rules, with every reception location generalised to one region of its own name. */
    static Map<String, String> otherRegions(Map<String, String> baseline, String region) {
        Map<String, String> files = new TreeMap<>(baseline);
        String policy = "catalogue/policy.yaml";
        files.put(policy, files.get(policy).replaceAll("(?m)^(  \"AZC [^\"]+\"): .+$", "$1: " + region));
        return files;
    }

    /** IDENT-01 refuses what it used to disclose: its scenarios fail. */
    static Map<String, String> stricter(Map<String, String> baseline) {
        Map<String, String> files = new TreeMap<>(baseline);
        String text = files.get(IDENTIFICATION);
        int rule = text.indexOf("rule \"IDENT-01");
        int disclose = text.indexOf("    disclose the field", rule);
        files.put(IDENTIFICATION, text.substring(0, disclose) + "    reject the field"
                + text.substring(disclose + "    disclose the field".length()));
        return files;
    }

    /** A condition line no DSL entry expands; returns the files, the line is {@link #unexpandableLine}. */
    static Map<String, String> unexpandable(Map<String, String> baseline) {
        Map<String, String> files = new TreeMap<>(baseline);
        String text = files.get(IDENTIFICATION);
        int at = text.indexOf("    - is for the purpose IDENTIFICATION") ;
        files.put(IDENTIFICATION, text.substring(0, at) + "    - is requested on a full moon\n" + text.substring(at));
        return files;
    }

    /** The 1-based line of the unexpandable condition in {@link #unexpandable}. */
    static int unexpandableLine(Map<String, String> baseline) {
        String text = baseline.get(IDENTIFICATION);
        int at = text.indexOf("    - is for the purpose IDENTIFICATION");
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Without the rule that refuses consent-based requests: INV-CONSENT-01 no longer holds. */
    static Map<String, String> withoutConsentRule(Map<String, String> baseline) {
        Map<String, String> files = new TreeMap<>(baseline);
        String text = files.get(REQUEST);
        int start = text.indexOf("rule \"REQ-CONSENT-01");
        int end = text.indexOf("end\n", start) + "end\n".length();
        files.put(REQUEST, text.substring(0, start) + text.substring(end));
        return files;
    }

    /** The upload body of api.md section 4. */
    static String upload(String comment, Map<String, String> files) {
        ObjectNode body = Api.JSON.createObjectNode().put("comment", comment);
        ObjectNode fileNode = body.putObject("files");
        files.forEach(fileNode::put);
        return body.toString();
    }
}
