package cloud.quazzar.partner.internal.revenue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueLedger;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes ledger rows as CSV with Apache Commons CSV: the quoting is the library's, never ours.
 * Rule REV-7: RFC 4180 (quoted where needed, CRLF), a header row, one row per
 * partner and month, plain decimals with a dot; text cells neutralised against formula injection
 * (TEXT-6, see {@link #neutralise}).
 *
 * <p>Streams: each row is printed as it arrives; nothing is kept but the last month's text.
 * {@link #export(Store, RevenueFilter, Writer)} is the ledger's export operation: one read
 * transaction streaming the store's rows through a {@code CsvExport}.
 */
final class CsvExport implements Consumer<RevenueRow> {
  /** RFC 4180 as Commons CSV defines it (comma, double quote, CRLF, minimal quoting) plus our header. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setRecordSeparator("\r\n")
      .setHeader(RevenueLedger.CSV_COLUMNS.toArray(String[]::new))
      .setSkipHeaderRecord(false)
      .get();

  /** Partner id texts kept at most, so that the cache stays small whatever the export's size. */
  private static final int MAX_CACHED_IDS = 50_000;

  private final Chunks chunks;
  private final CSVPrinter printer;
  private final Map<PartnerId, String> idText = new HashMap<>();
  private long rows;
  private YearMonth lastMonth = YearMonth.of(1, 1);
  private String lastMonthText = "";

  /**
   * Writes the rows {@code filter} selects to {@code out}, in one read transaction, and returns how
   * many; {@code out} is flushed, not closed. A filter's partner id of nothing is a {@code
   * NotFoundException}, as everywhere, not an empty export.
   */
  static long export(Store store, RevenueFilter filter, Writer out) throws IOException {
    Checks.start().notNull("filter", filter).notNull("out", out).done();
    try {
      return store.read(tx -> {
        filter.partnerId().ifPresent(id -> LedgerChecks.requirePartner(tx, id));
        try {
          CsvExport csv = new CsvExport(out);
          tx.revenue().scan(filter, csv);
          return csv.finish();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** As {@link #export(Store, RevenueFilter, Writer)}, in UTF-8 to {@code out} (flushed, not closed). */
  static long export(Store store, RevenueFilter filter, OutputStream out) throws IOException {
    Checks.start().notNull("filter", filter).notNull("out", out).done();
    // the export flushes its writer (see finish), so every byte has reached out when it returns
    return export(store, filter, new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** Starts the export: prints the header row. */
  CsvExport(Writer out) throws IOException {
    this.chunks = new Chunks(out);
    this.printer = new CSVPrinter(chunks, FORMAT);
  }

  @Override
  public void accept(RevenueRow row) {
    RevenueEntry e = row.entry();
    try {
      if (!e.month().equals(lastMonth)) {
        lastMonth = e.month();
        lastMonthText = neutralise(lastMonth.toString());
      }
      printer.print(lastMonthText);
      String id = idText.get(e.partnerId());
      if (id == null) {
        if (idText.size() >= MAX_CACHED_IDS) {
          idText.clear();
        }
        id = neutralise(e.partnerId().toString());
        idText.put(e.partnerId(), id);
      }
      printer.print(id);
      printer.print(neutralise(row.companyName()));
      printer.print(neutralise(row.tier().name()));
      printer.print(decimal(e.mrr()));
      printer.print(neutralise(e.mrr().currency().getCurrencyCode()));
      printer.print(Long.toString(e.serverCount()));
      printer.print(Long.toString(e.clientCount()));
      printer.print(Integer.toString(e.revision()));
      printer.print(neutralise(e.id().toString()));
      printer.println();
      rows++;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Writes out what is buffered and flushes the writer (the printer's flush is {@link
   * Chunks#flush}), and returns the number of data rows.
   */
  long finish() throws IOException {
    printer.flush();
    return rows;
  }

  /**
   * Collects the printer's many small appends and hands the writer 32 K characters at a time: one
   * (synchronized) writer call per chunk instead of several per row.
   */
  private static final class Chunks implements Appendable, java.io.Flushable {
    private static final int SIZE = 32 * 1024;
    private final Writer out;
    private final char[] buf = new char[SIZE];
    private int used;

    Chunks(Writer out) {
      this.out = out;
    }

    @Override
    public Appendable append(CharSequence csq) throws IOException {
      return append(csq, 0, csq.length());
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) throws IOException {
      // the printer appends the Strings it was given, for which toString() is the String itself
      String text = csq.toString();
      int i = start;
      while (i < end) {
        if (used == SIZE) {
          drain();
        }
        int n = Math.min(end - i, SIZE - used);
        text.getChars(i, i + n, buf, used);
        used += n;
        i += n;
      }
      return this;
    }

    @Override
    public Appendable append(char c) throws IOException {
      if (used == SIZE) {
        drain();
      }
      buf[used++] = c;
      return this;
    }

    void drain() throws IOException {
      out.write(buf, 0, used); // nothing when used is 0
      used = 0;
    }

    @Override
    public void flush() throws IOException {
      drain();
      out.flush();
    }
  }

  /**
   * docs/rules.md TEXT-6 (OWASP CSV injection): a text cell that begins with {@code =}, {@code +},
   * {@code -}, {@code @}, tab or carriage return gets one leading apostrophe, which spreadsheets show
   * as text instead of running the cell as a formula. So that a reader can always undo it, a cell
   * that begins with apostrophes followed by one of those six gets one more as well: reading strips
   * one {@code '} from exactly the cells that begin with one or more {@code '} and then a trigger.
   * ({@code =1+1} is written {@code '=1+1}, {@code '=1+1} is written {@code ''=1+1}; {@code 'quote}
   * and {@code O'Brien} are written as they are.) Only text cells: numbers are never prefixed (and
   * the ledger's numbers are never negative).
   */
  static String neutralise(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    return switch (text.charAt(i)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  /** A plain decimal with a dot and the currency's decimals: {@code 1234.50}, {@code 1500} for JPY. */
  static String decimal(Money money) {
    int scale = money.scale();
    long minor = money.minorUnits();
    if (scale == 0) {
      return Long.toString(minor);
    }
    if (minor < 0) {
      return money.toBigDecimal().toPlainString();
    }
    String digits = Long.toString(minor);
    // room for the 19 digits of a long and the point; a longer text (a currency of more than 18
    // decimals) would only make the builder grow
    StringBuilder sb = new StringBuilder(20);
    int pad = scale + 1 - digits.length();
    for (int i = 0; i < pad; i++) {
      sb.append('0');
    }
    sb.append(digits);
    sb.insert(sb.length() - scale, '.');
    return sb.toString();
  }
}
