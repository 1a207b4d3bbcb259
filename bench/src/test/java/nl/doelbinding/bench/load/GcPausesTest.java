package nl.doelbinding.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {
    private static final Instant FROM = Instant.parse("2026-11-29T13:35:00Z");
    private static final Instant TO = Instant.parse("2026-11-29T13:35:30Z");

    @Test
    void countsG1PausesThatEndedInThePhaseAndNotItsConcurrentCycles() {
        List<String> log = List.of(
                "[2026-11-29T13:34:59.990+0000] GC(87) Pause Young (Normal) (G1 Evacuation Pause) 670M->72M(1024M) 29.925ms",
                "[2026-11-29T13:35:01.025+0000] GC(88) Pause Young (Normal) (G1 Evacuation Pause) 670M->72M(1024M) 30.677ms",
                "[2026-11-29T13:35:02.000+0000] GC(89) Concurrent Mark Cycle 56.634ms",
                "[2026-11-29T13:35:03.472+0000] GC(94) Pause Young (Prepare Mixed) (G1 Evacuation Pause) 933M->455M(1024M) 120.133ms",
                "[2026-11-29T13:35:04.100+0000] GC(89) Pause Remark 800M->790M(1024M) 2.5ms",
                "[2026-11-29T13:35:30.000+0000] GC(95) Pause Young (Mixed) (G1 Evacuation Pause) 533M->336M(1024M) 42.252ms");

        GcPauses.Summary summary = GcPauses.between(log, FROM, TO);

        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.longestMillis()).isEqualTo(120.133);
        assertThat(summary.totalMillis()).isCloseTo(30.677 + 120.133 + 2.5, offset(1e-9));
        assertThat(summary.share(30)).isCloseTo(0.00511, offset(1e-5));
    }

    @Test
    void readsShenandoahPausesAndSkipsLinesWithoutWallClockTime() {
        List<String> log = List.of(
                "[2026-11-29T13:35:10.000+0000] Using Shenandoah",
                "[2026-11-29T13:35:10.544+0000] GC(0) Pause Init Mark (unload classes) 0.024ms",
                "[2026-11-29T13:35:10.590+0000] GC(0) Pause Final Mark (unload classes) 0.137ms",
                "[2026-11-29T13:35:10.600+0000] GC(0) Concurrent marking (unload classes) 45.1ms",
                "[1.632s][info][gc] GC(0) Pause Init Update Refs 0.009ms");

        GcPauses.Summary summary = GcPauses.between(log, FROM, TO);

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.longestMillis()).isEqualTo(0.137);
    }

    @Test
    void theLogOptionWritesWhatIsReadBack(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("target-gc.log");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", GcPauses.logOption(log), "-version").redirectErrorStream(true).start();
        jvm.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(jvm.waitFor()).isZero();

        // -version runs no collection; the decoration must still be the wall-clock time this class parses
        String first = Files.readAllLines(log).get(0);
        assertThat(first).matches("^\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}\\] .*");
        List<String> asPause = List.of(first.substring(0, first.indexOf(']') + 1) + " GC(0) Pause Young 1.5ms");
        assertThat(GcPauses.between(asPause, Instant.EPOCH, Instant.now().plusSeconds(60)).count()).isEqualTo(1);
    }

    @Test
    void aMissingLogIsNoPauses(@TempDir Path dir) {
        assertThat(GcPauses.between(dir.resolve("none.log"), FROM, TO)).isEqualTo(new GcPauses.Summary(0, 0, 0));
    }
}
