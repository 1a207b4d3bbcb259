package nl.doelbinding.server.residents;

import static nl.doelbinding.server.residents.RegisterFields.ARRIVAL_DATE;
import static nl.doelbinding.server.residents.RegisterFields.CURRENT_LOCATION;
import static nl.doelbinding.server.residents.RegisterFields.DATE_OF_BIRTH;
import static nl.doelbinding.server.residents.RegisterFields.DEPARTURE_DATE;
import static nl.doelbinding.server.residents.RegisterFields.DEPARTURE_STATUS;
import static nl.doelbinding.server.residents.RegisterFields.ETHNICITY;
import static nl.doelbinding.server.residents.RegisterFields.FAMILY_COMPOSITION;
import static nl.doelbinding.server.residents.RegisterFields.FINGERPRINTS;
import static nl.doelbinding.server.residents.RegisterFields.HEALTH;
import static nl.doelbinding.server.residents.RegisterFields.INCIDENT_REPORTS;
import static nl.doelbinding.server.residents.RegisterFields.NAME;
import static nl.doelbinding.server.residents.RegisterFields.NATIONALITY;
import static nl.doelbinding.server.residents.RegisterFields.PHONE;
import static nl.doelbinding.server.residents.RegisterFields.PHOTO;
import static nl.doelbinding.server.residents.RegisterFields.RELIGION;
import static nl.doelbinding.server.residents.RegisterFields.REPORTING_DUTY;
import static nl.doelbinding.server.residents.RegisterFields.ROOM;
import static nl.doelbinding.server.residents.RegisterFields.SEX;
import static nl.doelbinding.server.residents.RegisterFields.SEXUAL_ORIENTATION;
import static nl.doelbinding.server.residents.RegisterFields.V_NUMBER;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.server.residents.SyntheticVocabulary.NameGroup;
import nl.doelbinding.server.residents.SyntheticVocabulary.Origin;

/**
 * Makes resident number {@code index} of a synthetic register from the seed alone, so that a register is
 * the same on every machine and a smaller register is a prefix of a larger one. Uses {@link Random}, whose
 * algorithm the Java specification fixes, and nothing that depends on the clock, locale or hash order.
 */
final class SyntheticResidentGenerator {
    private static final int ORIGIN_WEIGHTS = SyntheticVocabulary.ORIGINS.stream().mapToInt(Origin::weight).sum();

    private final long seed;
    private final long firstVNumber;
    private final LocalDate registerDate;

    SyntheticResidentGenerator(long seed, long firstVNumber, LocalDate registerDate) {
        this.seed = seed;
        this.firstVNumber = firstVNumber;
        this.registerDate = registerDate;
    }

    SyntheticResident resident(int index) {
        Random random = new Random(mix(seed ^ mix(index + 1L)));
        String vNumber = Long.toString(firstVNumber + index);
        Origin origin = origin(random);
        String sex = pickWeighted(random, new String[] {"M", "F", "X"}, new int[] {56, 42, 2});
        int age = age(random);
        LocalDate born = registerDate.minusYears(age).minusDays(random.nextInt(365));
        LocalDate arrived = registerDate.minusDays(1 + random.nextInt(900));
        String status = pickWeighted(random, new String[] {"PRESENT", "MOB", "TRANSFERRED", "DEPARTED"},
                new int[] {80, 10, 6, 4});
        LocalDate left = status.equals("PRESENT") ? null
                : arrived.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(arrived, registerDate)));

        Map<FieldName, String> values = new LinkedHashMap<>();
        values.put(NAME, firstName(random, origin.names(), sex) + " " + pick(random, origin.names().family));
        values.put(DATE_OF_BIRTH, born.toString());
        values.put(SEX, sex);
        values.put(V_NUMBER, vNumber);
        values.put(NATIONALITY, origin.nationality());
        values.put(CURRENT_LOCATION, location(index));
        values.put(ROOM, String.format(Locale.ROOT, "%c-%d%02d", (char) ('A' + random.nextInt(6)),
                1 + random.nextInt(3), 1 + random.nextInt(30)));
        // The 06-0 block, so that a generated number is unlikely to be a subscriber's.
        values.put(PHONE, String.format(Locale.ROOT, "+31 6 0%03d %04d", random.nextInt(1000),
                random.nextInt(10_000)));
        values.put(ARRIVAL_DATE, arrived.toString());
        values.put(DEPARTURE_STATUS, status);
        values.put(DEPARTURE_DATE, left == null ? "" : left.toString());
        values.put(FAMILY_COMPOSITION, family(random, sex, age, born.getYear()));
        values.put(REPORTING_DUTY, pickWeighted(random, new String[] {"none", "weekly", "daily"},
                new int[] {72, 20, 8}));
        values.put(HEALTH, health(random, sex, age));
        values.put(ETHNICITY, pick(random, origin.ethnicities()));
        values.put(RELIGION, pick(random, origin.religions()));
        values.put(SEXUAL_ORIENTATION, orientation(random, sex));
        values.put(INCIDENT_REPORTS, incidents(random, index, arrived, left == null ? registerDate : left,
                status.equals("PRESENT") ? 25 : 55));
        values.put(PHOTO, "urn:doelbinding:photo:" + vNumber);
        values.put(FINGERPRINTS, "urn:doelbinding:fingerprints:" + vNumber);
        return new SyntheticResident(new VNumber(vNumber), values);
    }

    /**
     * Each block of 20 residents holds every location once, in an order shuffled per block: exactly as
     * many residents per location for a multiple of 20, without a visible cycle in the V-numbers.
     */
    private String location(int index) {
        List<String> locations = new ArrayList<>(SyntheticVocabulary.LOCATIONS);
        int n = locations.size();
        Random random = new Random(mix(seed ^ mix(-(index / n) - 1L)));
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates, written out so that no library change moves it
            int j = random.nextInt(i + 1);
            String swap = locations.get(i);
            locations.set(i, locations.get(j));
            locations.set(j, swap);
        }
        return locations.get(index % n);
    }

    private static Origin origin(Random random) {
        int ticket = random.nextInt(ORIGIN_WEIGHTS);
        for (Origin origin : SyntheticVocabulary.ORIGINS) {
            ticket -= origin.weight();
            if (ticket < 0) {
                return origin;
            }
        }
        throw new IllegalStateException("origin weights");
    }

    private static int age(Random random) {
        int band = random.nextInt(100);
        if (band < 5) {
            return 15 + random.nextInt(3); // unaccompanied minors
        } else if (band < 65) {
            return 18 + random.nextInt(18);
        } else if (band < 95) {
            return 36 + random.nextInt(20);
        }
        return 56 + random.nextInt(17);
    }

    private static String firstName(Random random, NameGroup names, String sex) {
        return switch (sex) {
            case "M" -> pick(random, names.male);
            case "F" -> pick(random, names.female);
            default -> pick(random, random.nextBoolean() ? names.male : names.female);
        };
    }

    /** "partner (M, 1988); child (F, 2016)", or "" for a resident without household members. */
    private String family(Random random, String sex, int age, int bornYear) {
        if (age < 18 || random.nextInt(100) < 45) {
            return "";
        }
        List<String> members = new ArrayList<>();
        int lastYear = registerDate.getYear();
        boolean partner = random.nextInt(100) < 70;
        if (partner) {
            String partnerSex = switch (sex) {
                case "M" -> random.nextInt(100) < 96 ? "F" : "M";
                case "F" -> random.nextInt(100) < 96 ? "M" : "F";
                default -> random.nextBoolean() ? "M" : "F";
            };
            int partnerYear = Math.min(bornYear - 4 + random.nextInt(9), lastYear - 18);
            members.add("partner (" + partnerSex + ", " + partnerYear + ")");
        }
        int firstChildYear = bornYear + 18;
        int children = firstChildYear > lastYear ? 0 : (partner ? random.nextInt(5) : 1 + random.nextInt(3));
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            years.add(firstChildYear + random.nextInt(Math.min(lastYear - firstChildYear + 1, 25)));
        }
        years.sort(null);
        for (int year : years) {
            members.add("child (" + (random.nextBoolean() ? "F" : "M") + ", " + year + ")");
        }
        return String.join("; ", members);
    }

    private static String health(Random random, String sex, int age) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return SyntheticVocabulary.NO_KNOWN_CONDITIONS;
        } else if (roll < 60 && sex.equals("F") && age >= 18 && age <= 44) {
            return SyntheticVocabulary.PREGNANT;
        }
        return pick(random, SyntheticVocabulary.HEALTH);
    }

    private static String orientation(Random random, String sex) {
        int roll = random.nextInt(100);
        if (roll < 88) {
            return "heterosexual";
        } else if (roll < 93) {
            return switch (sex) {
                case "M" -> "gay";
                case "F" -> "lesbian";
                default -> "queer";
            };
        } else if (roll < 97) {
            return "bisexual";
        }
        return "not disclosed";
    }

    /** "2026-03-02 INC-104233: verbal altercation in the dining hall; ...", oldest first, or "". */
    private static String incidents(Random random, int index, LocalDate from, LocalDate to, int percent) {
        if (random.nextInt(100) >= percent) {
            return "";
        }
        int count = 1 + random.nextInt(3);
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(from.plusDays(random.nextInt(days)));
        }
        dates.sort(null);
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // 7919 is prime to 900000, so (3 * index + i) -> number is one-to-one: no two reports share one.
            long number = 100_000 + ((3L * index + i) * 7919L) % 900_000;
            reports.add(dates.get(i) + " INC-" + number + ": " + pick(random, SyntheticVocabulary.INCIDENTS));
        }
        return String.join("; ", reports);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pickWeighted(Random random, String[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int ticket = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights");
    }

    /** SplitMix64's finaliser: neighbouring indexes get unrelated {@link Random} seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
