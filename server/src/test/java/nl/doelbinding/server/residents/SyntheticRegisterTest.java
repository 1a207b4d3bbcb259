package nl.doelbinding.server.residents;

import static nl.doelbinding.server.residents.RegisterFields.ARRIVAL_DATE;
import static nl.doelbinding.server.residents.RegisterFields.CURRENT_LOCATION;
import static nl.doelbinding.server.residents.RegisterFields.DATE_OF_BIRTH;
import static nl.doelbinding.server.residents.RegisterFields.DEPARTURE_DATE;
import static nl.doelbinding.server.residents.RegisterFields.DEPARTURE_STATUS;
import static nl.doelbinding.server.residents.RegisterFields.FAMILY_COMPOSITION;
import static nl.doelbinding.server.residents.RegisterFields.INCIDENT_REPORTS;
import static nl.doelbinding.server.residents.RegisterFields.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.CatalogueReader;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.model.FieldName;
import org.junit.jupiter.api.Test;

class SyntheticRegisterTest {
    private static final String CATALOGUE = "doelbinding/rulesets/baseline/catalogue/";
    private static final List<SyntheticResident> RESIDENTS = new SyntheticRegister().residents();

    /** The formats of fields.yaml's values, as the redaction and the rules expect them. */
    private static final Map<FieldName, Pattern> FORMATS = Map.ofEntries(
            Map.entry(NAME, Pattern.compile("[A-Z][a-z]+ [A-Z][A-Za-z-]+( [A-Z][a-z]+)?")),
            Map.entry(DATE_OF_BIRTH, Pattern.compile("\\d{4}-\\d{2}-\\d{2}")),
            Map.entry(RegisterFields.SEX, Pattern.compile("[FMX]")),
            Map.entry(RegisterFields.V_NUMBER, Pattern.compile("\\d{10}")),
            Map.entry(RegisterFields.NATIONALITY, Pattern.compile("[A-Z][a-z]+")),
            Map.entry(CURRENT_LOCATION, Pattern.compile("AZC [A-Z][a-z]+( [A-Z][a-z]+)?")),
            Map.entry(RegisterFields.ROOM, Pattern.compile("[A-F]-[1-3]\\d{2}")),
            Map.entry(RegisterFields.PHONE, Pattern.compile("\\+31 6 \\d{4} \\d{4}")),
            Map.entry(ARRIVAL_DATE, Pattern.compile("\\d{4}-\\d{2}-\\d{2}")),
            Map.entry(DEPARTURE_STATUS, Pattern.compile("PRESENT|MOB|TRANSFERRED|DEPARTED")),
            Map.entry(DEPARTURE_DATE, Pattern.compile("(\\d{4}-\\d{2}-\\d{2})?")),
            Map.entry(FAMILY_COMPOSITION,
                    Pattern.compile("((partner|child) \\([FM], \\d{4}\\)(; (?=.))?)*")),
            Map.entry(RegisterFields.REPORTING_DUTY, Pattern.compile("none|weekly|daily")),
            Map.entry(RegisterFields.HEALTH, Pattern.compile("[A-Za-z][A-Za-z0-9 ,-]+")),
            Map.entry(RegisterFields.ETHNICITY, Pattern.compile("[A-Z][A-Za-z ()-]+")),
            Map.entry(RegisterFields.RELIGION, Pattern.compile("[A-Za-z][A-Za-z '()-]+")),
            Map.entry(RegisterFields.SEXUAL_ORIENTATION,
                    Pattern.compile("heterosexual|gay|lesbian|queer|bisexual|not disclosed")),
            Map.entry(INCIDENT_REPORTS,
                    Pattern.compile("(\\d{4}-\\d{2}-\\d{2} INC-\\d{6}: [a-z][a-z ,-]+(; (?=.))?)*")),
            Map.entry(RegisterFields.PHOTO, Pattern.compile("urn:doelbinding:photo:\\d{10}")),
            Map.entry(RegisterFields.FINGERPRINTS, Pattern.compile("urn:doelbinding:fingerprints:\\d{10}")));

    /** Fields whose format allows the empty string. */
    private static final Set<FieldName> MAY_BE_EMPTY = Set.of(DEPARTURE_DATE, FAMILY_COMPOSITION, INCIDENT_REPORTS);

    @Test
    void isTheSameOnEveryRunAndMachine() throws Exception {
        assertThat(new SyntheticRegister().residents()).isEqualTo(RESIDENTS);
        // Pinned: a change here changes every demo and golden file built on the register; do it on purpose.
        assertThat(fingerprint(RESIDENTS))
                .isEqualTo("36d1256da4e5d0195cd7b4b2ebd2ff09ab7a3d15e75cc4e32afe0b11c5c2af3c");
        assertThat(RESIDENTS.get(0).values()).containsEntry(NAME, "Ruta Ghebremeskel")
                .containsEntry(DATE_OF_BIRTH, "1958-02-05").containsEntry(CURRENT_LOCATION, "AZC Winterswijk");
    }

    @Test
    void aSmallerRegisterIsAPrefixAndAnotherSeedAnotherRegister() {
        assertThat(new SyntheticRegister(SyntheticRegister.SEED, 30).residents())
                .isEqualTo(RESIDENTS.subList(0, 30));
        List<SyntheticResident> other = new SyntheticRegister(SyntheticRegister.SEED + 1, 30).residents();
        assertThat(other).extracting(SyntheticResident::vNumber)
                .isEqualTo(RESIDENTS.subList(0, 30).stream().map(SyntheticResident::vNumber).toList());
        assertThat(other.stream().map(r -> r.value(NAME)).toList())
                .isNotEqualTo(RESIDENTS.subList(0, 30).stream().map(r -> r.value(NAME)).toList());
    }

    @Test
    void numbersTwoThousandResidentsConsecutively() {
        assertThat(RESIDENTS).hasSize(2000);
        List<String> expected = new ArrayList<>();
        for (long v = 1_000_000_001L; v <= 1_000_002_000L; v++) {
            expected.add(Long.toString(v));
        }
        assertThat(RESIDENTS.stream().map(r -> r.vNumber().value()).toList()).isEqualTo(expected);
        assertThat(RESIDENTS.stream().map(r -> r.value(RegisterFields.V_NUMBER)).toList()).isEqualTo(expected);
    }

    @Test
    void holdsExactlyTheCatalogueFields() throws IOException {
        List<FieldName> catalogueFields = catalogue().fields().stream().map(FieldDefinition::name).toList();

        assertThat(RegisterFields.ALL).containsExactlyElementsOf(catalogueFields);
        assertThat(RESIDENTS).allMatch(r -> List.copyOf(r.values().keySet()).equals(catalogueFields));
    }

    @Test
    void spreadsResidentsEvenlyOverTheLocationsOfTheRegionTable() throws IOException {
        Map<String, Long> perLocation = RESIDENTS.stream()
                .collect(Collectors.groupingBy(r -> r.value(CURRENT_LOCATION), Collectors.counting()));
        Catalogue catalogue = catalogue();

        assertThat(perLocation.keySet()).containsExactlyInAnyOrderElementsOf(regionTableLocations());
        assertThat(perLocation.keySet()).allSatisfy(l -> assertThat(catalogue.regionOf(l)).isPresent());
        assertThat(perLocation.values()).containsOnly(100L);
        // Not a visible cycle: consecutive blocks of 20 list the locations in different orders.
        assertThat(RESIDENTS.subList(0, 20).stream().map(r -> r.value(CURRENT_LOCATION)).toList())
                .isNotEqualTo(RESIDENTS.subList(20, 40).stream().map(r -> r.value(CURRENT_LOCATION)).toList());
    }

    @Test
    void everyValueHasItsFieldsFormat() {
        List<String> wrong = new ArrayList<>();
        for (SyntheticResident resident : RESIDENTS) {
            FORMATS.forEach((field, format) -> {
                if (!format.matcher(resident.value(field)).matches()) {
                    wrong.add(field + " of " + resident.vNumber() + ": '" + resident.value(field) + "'");
                }
            });
            for (FieldName reference : List.of(RegisterFields.PHOTO, RegisterFields.FINGERPRINTS)) {
                if (!resident.value(reference).endsWith(":" + resident.vNumber().value())) {
                    wrong.add(reference + " of " + resident.vNumber());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(FORMATS.keySet()).containsExactlyInAnyOrderElementsOf(RegisterFields.ALL);
    }

    @Test
    void fillsEveryFieldWhereTheFormatAllowsAndManyResidentsCompletely() {
        for (FieldName field : RegisterFields.ALL) {
            long filled = RESIDENTS.stream().filter(r -> !r.value(field).isEmpty()).count();
            if (MAY_BE_EMPTY.contains(field)) {
                assertThat(filled).as("residents with %s", field).isBetween(200L, 1600L);
            } else {
                assertThat(filled).as("residents with %s", field).isEqualTo(RESIDENTS.size());
            }
        }
        long complete = RESIDENTS.stream()
                .filter(r -> r.values().values().stream().noneMatch(String::isEmpty)).count();
        assertThat(complete).as("residents with every field filled").isGreaterThanOrEqualTo(60);
        Map<String, Long> status = RESIDENTS.stream()
                .collect(Collectors.groupingBy(r -> r.value(DEPARTURE_STATUS), Collectors.counting()));
        assertThat(status.get("PRESENT")).isGreaterThan(1400L);
        assertThat(status.get("MOB")).isGreaterThan(100L);
        assertThat(status).containsKeys("TRANSFERRED", "DEPARTED");
        assertThat(RESIDENTS.stream().map(r -> r.value(NAME)).distinct().count()).isGreaterThan(900);
    }

    @Test
    void datesTellAConsistentStory() {
        LocalDate registerDate = SyntheticRegister.REGISTER_DATE;
        Pattern incidentDate = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) INC-");
        Pattern member = Pattern.compile("(partner|child) \\([FM], (\\d{4})\\)");
        List<String> wrong = new ArrayList<>();
        for (SyntheticResident r : RESIDENTS) {
            LocalDate born = LocalDate.parse(r.value(DATE_OF_BIRTH));
            LocalDate arrived = LocalDate.parse(r.value(ARRIVAL_DATE));
            boolean present = r.value(DEPARTURE_STATUS).equals("PRESENT");
            if (r.value(DEPARTURE_DATE).isEmpty() != present) {
                wrong.add(r.vNumber() + ": a departure date exactly when not present");
                continue;
            }
            LocalDate end = present ? registerDate : LocalDate.parse(r.value(DEPARTURE_DATE));
            if (!born.isBefore(registerDate.minusYears(14)) || !arrived.isAfter(born) || !arrived.isBefore(end)
                    || end.isAfter(registerDate)) {
                wrong.add(r.vNumber() + ": born " + born + ", arrived " + arrived + ", until " + end);
            }
            Matcher incident = incidentDate.matcher(r.value(INCIDENT_REPORTS));
            while (incident.find()) {
                LocalDate on = LocalDate.parse(incident.group(1));
                if (on.isBefore(arrived) || on.isAfter(end)) {
                    wrong.add(r.vNumber() + ": incident on " + on + " outside the stay");
                }
            }
            Matcher household = member.matcher(r.value(FAMILY_COMPOSITION));
            while (household.find()) {
                int year = Integer.parseInt(household.group(2));
                boolean child = household.group(1).equals("child");
                if (child ? year < born.getYear() + 18 || year > registerDate.getYear()
                        : year > registerDate.getYear() - 18) {
                    wrong.add(r.vNumber() + ": " + household.group() + " of a resident born " + born.getYear());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void incidentNumbersAreUnique() {
        List<String> numbers = new ArrayList<>();
        Pattern number = Pattern.compile("INC-\\d{6}");
        for (SyntheticResident r : RESIDENTS) {
            Matcher m = number.matcher(r.value(INCIDENT_REPORTS));
            while (m.find()) {
                numbers.add(m.group());
            }
        }
        assertThat(numbers).hasSizeGreaterThan(500).doesNotHaveDuplicates();
    }

    static String fingerprint(List<SyntheticResident> residents) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (SyntheticResident resident : residents) {
            resident.values().forEach((field, value) ->
                    sha256.update((field + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static Catalogue catalogue() throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        for (String file : List.of("fields.yaml", "instruments.yaml", "policy.yaml", "purposes.yaml")) {
            files.put("catalogue/" + file, resource(CATALOGUE + file));
        }
        List<Object> problems = new ArrayList<>();
        Catalogue catalogue = new CatalogueReader().read(files, problems::add).orElse(null);
        assertThat(problems).isEmpty();
        return catalogue;
    }

    private static Set<String> regionTableLocations() throws IOException {
        Map<?, ?> policy = new ObjectMapper(new YAMLFactory())
                .readValue(resource(CATALOGUE + "policy.yaml"), Map.class);
        Set<String> locations = new HashSet<>();
        ((Map<?, ?>) policy.get("regions")).keySet().forEach(k -> locations.add((String) k));
        assertThat(locations).hasSize(20);
        return locations;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SyntheticRegisterTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
