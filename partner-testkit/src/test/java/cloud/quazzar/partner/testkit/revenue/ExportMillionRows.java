package cloud.quazzar.partner.testkit.revenue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.revenue.RevenueFilter;
import java.io.Writer;

/**
 * Run in a child JVM with a small heap by {@link ExportMemoryTest}: exports {@code args[0]} rows
 * (about 130 bytes of CSV each) to a writer that only counts, and prints the row and character
 * counts. Finishing at all under the small heap shows the export streams.
 */
public final class ExportMillionRows {
  private ExportMillionRows() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    CountingWriter out = new CountingWriter();
    try (PartnerProgram program = PartnerProgram.builder()
        .store(new RowStore(() -> new GeneratedRows(rows, 5000))).build()) {
      long written = program.revenue().exportCsv(RevenueFilter.all(), out);
      Runtime rt = Runtime.getRuntime();
      System.out.println("rows=" + written + " chars=" + out.chars + " maxHeap=" + rt.maxMemory());
    }
  }

  /** Counts characters and drops them. */
  static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void write(String s, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
