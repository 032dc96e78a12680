package io.foothold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Where in the whole database (engine and Foothold tables) a text is stored. */
final class DatabaseText {

  private DatabaseText() {
  }

  /**
   * Every text and binary column of every table whose value contains the text, as TABLE.COLUMN. Fails if the scan
   * would miss the tables that matter, so it cannot pass by scanning nothing.
   */
  static List<String> columnsHolding(JdbcTemplate jdbc, String text) {
    List<Map<String, Object>> columns = jdbc.queryForList("""
        select TABLE_NAME, COLUMN_NAME, DATA_TYPE from INFORMATION_SCHEMA.COLUMNS
        where TABLE_SCHEMA = 'PUBLIC' and DATA_TYPE in ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT',
          'BINARY VARYING', 'BINARY LARGE OBJECT')""");
    List<String> scanned = columns.stream().map(c -> c.get("TABLE_NAME") + "." + c.get("COLUMN_NAME")).toList();
    assertThat(scanned).contains("ACT_HI_VARINST.TEXT_", "ACT_HI_VARINST.TEXT2_", "ACT_HI_DETAIL.TEXT_", "ACT_HI_DETAIL.TEXT2_",
        "ACT_RU_VARIABLE.TEXT_", "ACT_RU_VARIABLE.TEXT2_", "ACT_GE_BYTEARRAY.BYTES_", "FH_PRIVATE_NOTE.TEXT_");
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> holding = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("TABLE_NAME");
      String name = (String) column.get("COLUMN_NAME");
      boolean binary = ((String) column.get("DATA_TYPE")).startsWith("BINARY");
      String select = "select \"" + name + "\" from \"" + table + "\" where \"" + name + "\" is not null";
      boolean found = binary
          ? jdbc.queryForList(select, byte[].class).stream().anyMatch(bytes -> indexOf(bytes, needle) >= 0)
          : jdbc.queryForList(select, String.class).stream().anyMatch(value -> value.contains(text));
      if (found) {
        holding.add(table + "." + name);
      }
    }
    return holding;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
