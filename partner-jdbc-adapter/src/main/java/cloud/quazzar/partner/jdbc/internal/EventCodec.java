package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.events.DomainEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashMap;
import java.util.Map;

/**
 * Events as JSON in {@code domain_events.payload}, by Jackson: an event record's components (and
 * those of the records inside it) by name, dates and instants as ISO-8601 text, money as minor
 * units and currency code, ids as UUID text. The event's class is not in the JSON but in the
 * {@code event_type} column (its simple name), so the JSON stays the record's own shape.
 *
 * <p>Reading ignores properties it does not know (rows written by a later version) and fails with
 * {@link IllegalStateException} naming the row's type if the JSON cannot make the record.
 */
final class EventCodec {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // a record's components are its fields: derived accessors (isCurrent(), partnerId() of a
      // wrapper) are not written
      .visibility(PropertyAccessor.ALL, Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, Visibility.ANY)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final Map<String, ObjectReader> READERS = new HashMap<>();

  static {
    for (Class<?> type : DomainEvent.class.getPermittedSubclasses()) {
      READERS.put(type.getSimpleName(), MAPPER.readerFor(type));
    }
  }

  private EventCodec() {}

  static String encode(DomainEvent event) {
    try {
      return WRITER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event " + event.type() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static DomainEvent decode(String type, String json) {
    ObjectReader reader = READERS.get(type);
    if (reader == null) {
      throw new IllegalStateException("unknown event type '" + type + "' in domain_events");
    }
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("cannot read a stored " + type + " event: " + e.getMessage(), e);
    }
  }
}
