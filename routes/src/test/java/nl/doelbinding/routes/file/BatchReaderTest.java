package nl.doelbinding.routes.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReaderTest {
    @TempDir
    Path dir;

    @Test
    void streamsTenThousandRequestsInOrder() throws IOException {
        Path file = dir.resolve("large.json");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"requests\": [\n");
            for (int i = 0; i < 10_000; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"requestId\": \"R-" + i + "\", \"fields\": [\"name\"]}");
            }
            out.write("]}");
        }
        List<String> ids = new ArrayList<>();
        int[] expected = {0};
        int count = BatchReader.read(file, "large.json", (index, request) -> {
            assertThat(index).isEqualTo(expected[0]++);
            ids.add(request.path("requestId").asText());
        });
        assertThat(count).isEqualTo(10_000);
        assertThat(ids).hasSize(10_000).startsWith("R-0", "R-1").endsWith("R-9999");
    }

    @Test
    void namesTheRequestWhereTheJsonBreaks() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"requests\": [{\"requestId\": \"A\"}, {\"requestId\": \"B\"}, {\"requestId\": ]}");
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> BatchReader.read(file, "broken.json", (i, r) -> seen.add(r.path("requestId").asText())))
                .isInstanceOfSatisfying(BatchProblem.class, p -> {
                    assertThat(p.index()).hasValue(2);
                    assertThat(p.property()).isEqualTo("requests[2]");
                    assertThat(p.problem()).startsWith("is not valid JSON (line 1");
                });
        assertThat(seen).containsExactly("A", "B");
    }

    @Test
    void refusesAnEnvelopeThatIsNotABatch() throws IOException {
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[{\"requestId\": \"A\"}]");
        assertThatThrownBy(() -> BatchReader.read(array, "array.json", (i, r) -> { }))
                .isInstanceOfSatisfying(BatchProblem.class, p -> assertThat(p.index()).isEmpty());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"requests\": [], \"token\": \"x\"}");
        assertThatThrownBy(() -> BatchReader.read(other, "other.json", (i, r) -> { }))
                .isInstanceOfSatisfying(BatchProblem.class, p -> assertThat(p.property()).isEqualTo("token"));
        Path notObject = dir.resolve("strings.json");
        Files.writeString(notObject, "{\"requests\": [\"A\"]}");
        assertThatThrownBy(() -> BatchReader.read(notObject, "strings.json", (i, r) -> { }))
                .isInstanceOfSatisfying(BatchProblem.class, p -> assertThat(p.index()).hasValue(0));
        Path duplicateKey = dir.resolve("dup.json");
        Files.writeString(duplicateKey, "{\"requests\": [{\"requestId\": \"A\", \"requestId\": \"B\"}]}");
        assertThatThrownBy(() -> BatchReader.read(duplicateKey, "dup.json", (i, r) -> { }))
                .isInstanceOfSatisfying(BatchProblem.class, p -> assertThat(p.index()).hasValue(0));
    }

    @Test
    void theErrorFileNamesFileIndexPropertyAndWhatWasDecided() {
        BatchProblem problem = BatchProblem.request("b.json", 7, "requests[7].purpose", "unknown purpose")
                .afterDeciding(7);
        assertThat(FileDropErrors.describe(problem)).isEqualTo("""
                file: b.json
                request index: 7
                property: requests[7].purpose
                problem: unknown purpose
                decided: the 7 requests before this one were decided and recorded; dropping the corrected batch again\
                 answers them with their stored decisions (same requestId)
                """);
    }
}
