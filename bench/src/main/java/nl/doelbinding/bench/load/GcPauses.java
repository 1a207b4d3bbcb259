package nl.doelbinding.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stop-the-world pauses of a target's garbage collector during a phase, read from the target's GC log
 * ({@link #logOption}). A pause holds every request in the target for its whole length, so the longest one
 * in a phase bounds how low that phase's p99 can be once about one request in a hundred meets a pause.
 *
 * <p>Reads the lines of {@code -Xlog:gc} with wall-clock time ({@code utctime}) that end in a pause's length:
 * G1's {@code Pause Young ...} and {@code Pause Remark}, Shenandoah's {@code Pause Init Mark ...}, the serial and
 * parallel collectors' pauses. A pause is counted in the phase during which it ended (the log writes the line
 * then). ZGC logs its pauses only with {@code gc+phases}, so under ZGC this reads none.
 */
final class GcPauses {
    /** What a phase's pauses came to; all zero when the log holds none. */
    record Summary(int count, double totalMillis, double longestMillis) {
        /** The share of a phase of {@code seconds} that the target was paused. */
        double share(double seconds) {
            return seconds <= 0 ? 0 : totalMillis / (1000 * seconds);
        }
    }

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^]]+)\\].*\\bPause\\b.*?(\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private GcPauses() {
    }

    /** The JVM option that makes a target write the log this class reads to {@code file}. */
    static String logOption(Path file) {
        return "-Xlog:gc:file=" + file.toAbsolutePath() + ":utctime";
    }

    /** The pauses in {@code log} that ended at or after {@code from} and before {@code to}. */
    static Summary between(Path log, Instant from, Instant to) {
        if (!Files.exists(log)) {
            return new Summary(0, 0, 0);
        }
        try (Stream<String> lines = Files.lines(log)) {
            return between(lines.toList(), from, to);
        } catch (IOException e) {
            return new Summary(0, 0, 0);
        }
    }

    static Summary between(List<String> lines, Instant from, Instant to) {
        int count = 0;
        double total = 0;
        double longest = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(1), UTC_TIME).toInstant();
            } catch (DateTimeParseException e) {
                continue; // not a wall-clock decoration: not a line of this class's log
            }
            if (at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            double millis = Double.parseDouble(m.group(2));
            count++;
            total += millis;
            longest = Math.max(longest, millis);
        }
        return new Summary(count, total, longest);
    }
}
