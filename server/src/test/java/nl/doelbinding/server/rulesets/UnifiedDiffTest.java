package nl.doelbinding.server.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unified diff is the one {@code diff -u} and {@code git diff} print (expected texts written by hand). */
class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a.txt", "x\ny\n", "x\ny\n")).isEmpty();
    }

    @Test
    void aChangedLineIsOneHunkWithThreeLinesOfContextDeletionFirst() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        assertThat(UnifiedDiff.of("n.txt", before, after)).isEqualTo("""
                --- a/n.txt
                +++ b/n.txt
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void distantChangesAreSeparateHunks() {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
            after.append(i == 2 ? "two" : String.valueOf(i)).append('\n');
            if (i == 19) {
                after.append("nineteen and a half\n");
            }
        }

        assertThat(UnifiedDiff.of("n.txt", before.toString(), after.toString())).isEqualTo("""
                --- a/n.txt
                +++ b/n.txt
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -17,4 +17,5 @@
                 17
                 18
                 19
                +nineteen and a half
                 20
                """);
    }

    @Test
    void anAddedFileIsDiffedAgainstDevNull() {
        assertThat(UnifiedDiff.of("new.yaml", "", "a: 1\n")).isEqualTo("""
                --- /dev/null
                +++ b/new.yaml
                @@ -0,0 +1 @@
                +a: 1
                """);
    }
}
