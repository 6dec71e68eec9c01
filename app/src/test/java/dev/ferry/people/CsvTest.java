package dev.ferry.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV the people import reads and the export writes: quotes, commas and line breaks in cells, line numbers. */
class CsvTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKnowTheirFirstLine() {
        List<Csv.Row> rows = Csv.parse("\uFEFFa,b\r\n\"Smith, \"\"Jo\"\"\nnext\",2\n\n,\r\nlast,\"\"");

        assertThat(rows).containsExactly(new Csv.Row(1, List.of("a", "b")),
                new Csv.Row(2, List.of("Smith, \"Jo\"\nnext", "2")), new Csv.Row(5, List.of("", "")),
                new Csv.Row(6, List.of("last", "")));
    }

    @Test
    void aQuoteNeverClosedIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Csv.parse("a,b\n\"open,cell\n")).hasMessageContaining("line 2")
                .hasMessageContaining("never closed");
    }

    @Test
    void whatIsWrittenReadsBackTheSameAndFormulasAreDefused() {
        List<String> cells = List.of("=1+2", "Smith, \"Jo\"\r\nnext", "-5", "@cmd", "+x", "plain", "");
        String line = Csv.line(cells);

        assertThat(line).startsWith("'=1+2,").contains("'-5,'@cmd,'+x,plain,").endsWith(",\r\n");
        List<String> back = Csv.parse(line).get(0).cells().stream().map(Csv::unguarded).toList();
        assertThat(back).isEqualTo(cells);
        assertThat(Csv.unguarded("'quoted")).as("an apostrophe before anything else stays").isEqualTo("'quoted");
    }
}
