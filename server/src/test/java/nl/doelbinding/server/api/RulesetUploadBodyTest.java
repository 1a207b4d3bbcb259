package nl.doelbinding.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.junit.jupiter.api.Test;

class RulesetUploadBodyTest {
    @Test
    void aZipIsUnpackedWithoutItsTopFolderAndHiddenFiles() throws IOException {
        byte[] zip = zip("mine/ruleset.yaml", "name: mine\n".getBytes(StandardCharsets.UTF_8),
                "mine/rules/a.dslr", "rule text".getBytes(StandardCharsets.UTF_8),
                "mine/.DS_Store", new byte[] {0, 1});

        RulesetUploadBody upload = RulesetUploadBody.read(zip, "application/zip", Optional.of("why"));

        assertThat(upload.source().files()).containsOnlyKeys("ruleset.yaml", "rules/a.dslr");
        assertThat(upload.comment()).contains("why");
    }

    /** A zip of a few kilobytes can unpack to gigabytes: it is refused once its files pass the limit. */
    @Test
    void aZipThatUnpacksPastTheLimitIsRefusedAsTooLarge() throws IOException {
        byte[] zeros = new byte[RulesetUploadBody.MAX_UNPACKED_BYTES / 2 + 1];
        byte[] zip = zip("ruleset.yaml", "name: big\n".getBytes(StandardCharsets.UTF_8),
                "rules/a.dslr", zeros, "rules/b.dslr", zeros);
        assertThat(zip.length).isLessThan(100_000);

        assertThatThrownBy(() -> RulesetUploadBody.read(zip, "application/zip", Optional.empty()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).contains("16 MiB");
                });
    }

    private static byte[] zip(Object... namesAndBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                zip.write((byte[]) namesAndBytes[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
