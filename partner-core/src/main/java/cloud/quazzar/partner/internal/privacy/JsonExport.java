package cloud.quazzar.partner.internal.privacy;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.internal.revenue.LedgerChecks;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.StoreTransaction;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The export document (docs/rules.md PRIV-4; its schema is in docs/privacy.md): one JSON object,
 * written with Jackson's streaming generator as the store is read. A record is an object of its
 * components by name, in their declared order; an empty {@link Optional} is {@code null}; an id
 * (a record holding one UUID) is its UUID text; {@link Money} is {@code {"amount": 12.34,
 * "currency": "EUR"}} with the exact decimal amount; dates, months and instants are ISO-8601 text;
 * enums their names.
 */
final class JsonExport {
  /** The document's {@code format}: what it is and the version of its schema. */
  static final String FORMAT = "quazzar-partner-export";
  static final int FORMAT_VERSION = 1;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final StoreTransaction tx;
  private final ProgramTime time;
  private final PartnerId partnerId;

  JsonExport(StoreTransaction tx, ProgramTime time, PartnerId partnerId) {
    this.tx = tx;
    this.time = time;
    this.partnerId = partnerId;
  }

  void writeTo(OutputStream out) {
    PartnerRecord partner = tx.partners().find(partnerId)
        .orElseThrow(() -> new NotFoundException(DefaultPersonalData.PARTNER, partnerId));
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", FORMAT_VERSION);
      g.writeStringField("exportedAt", time.now().toString());
      g.writeFieldName("partner");
      value(g, partner.toPartner(tx.partners().clientTotals(partnerId)));
      array(g, "tierHistory", tx.partners().tierHistory(partnerId));
      clients(g);
      g.writeArrayFieldStart("certifications");
      List<CertificationRecord> certifications = tx.certifications().byPartner(partnerId).stream()
          .sorted(Comparator.comparing((CertificationRecord r) -> r.certification().createdAt())
              .thenComparing(r -> r.certification().id().value()))
          .toList();
      for (CertificationRecord r : certifications) {
        value(g, r.certification());
      }
      g.writeEndArray();
      array(g, "discountAdjustments", tx.discounts().adjustments(partnerId));
      revenue(g);
      array(g, "reviewOutcomes", tx.reviews().outcomes(partnerId).stream()
          .sorted(Comparator.comparing(o -> o.date())).toList());
      g.writeFieldName("gracePeriod");
      value(g, tx.reviews().gracePeriod(partnerId));
      events(g);
      array(g, "erasures", tx.partners().erasures(partnerId));
      g.writeEndObject();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export of partner " + partnerId + ": " + e.getMessage(), e);
    }
  }

  private void clients(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("clients");
    Optional<String> after = Optional.empty();
    List<Client> page;
    do {
      page = tx.partners().clients(partnerId, after, DefaultPersonalData.EVENT_PAGE);
      for (Client c : page) {
        value(g, c);
      }
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).nameKey());
    } while (page.size() == DefaultPersonalData.EVENT_PAGE);
    g.writeEndArray();
  }

  /** Every revision of every month, by month then revision. */
  private void revenue(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("revenueEntries");
    Optional<YearMonth> last = tx.revenue().lastMonth(partnerId);
    if (last.isPresent()) {
      for (RevenueEntry current : tx.revenue().current(partnerId, LedgerChecks.EARLIEST, last.get())) {
        for (RevenueEntry e : tx.revenue().history(partnerId, current.month())) {
          value(g, e);
        }
      }
    }
    g.writeEndArray();
  }

  private void events(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("events");
    long after = 0;
    List<EventRecord> page;
    do {
      page = tx.events().ofPartner(partnerId, after, DefaultPersonalData.EVENT_PAGE);
      for (EventRecord r : page) {
        g.writeStartObject();
        g.writeNumberField("sequence", r.sequence());
        g.writeStringField("type", r.event().type());
        g.writeFieldName("event");
        value(g, r.event());
        g.writeEndObject();
        after = r.sequence();
      }
    } while (page.size() == DefaultPersonalData.EVENT_PAGE);
    g.writeEndArray();
  }

  private static void array(JsonGenerator g, String field, Collection<?> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (Object v : values) {
      value(g, v);
    }
    g.writeEndArray();
  }

  /** Writes {@code v} as the class comment says. */
  static void value(JsonGenerator g, @org.jspecify.annotations.Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Optional<?> o) {
      value(g, o.orElse(null));
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof java.math.BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Money m) {
      g.writeStartObject();
      g.writeFieldName("amount");
      g.writeNumber(m.toBigDecimal());
      g.writeStringField("currency", m.currency().getCurrencyCode());
      g.writeEndObject();
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name());
    } else if (v instanceof TemporalAccessor || v instanceof UUID) {
      g.writeString(v.toString());
    } else if (v instanceof Currency c) {
      g.writeString(c.getCurrencyCode());
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object item : c) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Record r) {
      record(g, r);
    } else {
      throw new IllegalStateException("the export has no JSON form for " + v.getClass().getName());
    }
  }

  private static void record(JsonGenerator g, Record r) throws IOException {
    RecordComponent[] components = r.getClass().getRecordComponents();
    if (components.length == 1 && components[0].getType() == UUID.class) {
      g.writeString(String.valueOf(component(r, components[0]))); // an id: its UUID
      return;
    }
    g.writeStartObject();
    for (RecordComponent c : components) {
      g.writeFieldName(c.getName());
      value(g, component(r, c));
    }
    g.writeEndObject();
  }

  private static @org.jspecify.annotations.Nullable Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
    }
  }
}
