package cloud.quazzar.partner.testkit.revenue;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, strict RFC 4180 reader, written independently of Commons CSV so that the export is
 * checked by a parser that shares none of its code. Strict: every record ends with CRLF (the last
 * one too); a field is either unquoted (no quote, CR or LF inside) or wholly quoted (a quote inside
 * doubled); after a closing quote comes a comma or CRLF; a bare CR or LF is an error.
 */
final class StrictCsv {
  private StrictCsv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated quoted field at " + i);
          }
          char c = text.charAt(i);
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            field.append(c);
            i++;
          }
        }
      } else {
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
          char c = text.charAt(i);
          if (c == '"' || c == '\n') {
            throw new IllegalArgumentException("a quote or LF in an unquoted field at " + i);
          }
          field.append(c);
          i++;
        }
      }
      record.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        throw new IllegalArgumentException("the last record does not end with CRLF");
      }
      char c = text.charAt(i);
      if (c == ',') {
        i++;
        if (i >= n) {
          throw new IllegalArgumentException("a comma ends the text");
        }
      } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        records.add(List.copyOf(record));
        record.clear();
      } else {
        throw new IllegalArgumentException("expected a comma or CRLF at " + i + ", got " + (int) c);
      }
    }
    return records;
  }
}
