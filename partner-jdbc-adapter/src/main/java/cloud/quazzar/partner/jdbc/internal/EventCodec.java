package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.GracePeriodStarted;
import cloud.quazzar.partner.registry.TierChange;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Events as JSON in {@code domain_events.payload}, by Jackson: an event record's components (and
 * those of the records inside it) by name, dates and instants as ISO-8601 text, money as minor
 * units and currency code, ids as UUID text. An absent value (an empty {@link Optional}
 * component) is left out of the JSON, as a null one was before the API used {@code Optional}, so
 * rows written then read back the same. The event's class is not in the JSON but in the {@code
 * event_type} column (its simple name), so the JSON stays the record's own shape.
 *
 * <p>Renamed components keep reading the rows written before the rename: {@code
 * GracePeriodStarted.demotionDueOn} was {@code endsOn} (the same date: the first day without
 * grace), {@code TierChange.changedAt} (in {@code TierChanged}) was {@code at}. New rows are written
 * with the new names.
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
      .addModule(new SimpleModule("optional values")
          .addSerializer(new OptionalSerializer())
          .addDeserializer(Optional.class, new OptionalDeserializer(null)))
      // an empty Optional is left out, like a null
      .withConfigOverride(Optional.class, o -> o.setInclude(
          JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS)))
      .addMixIn(GracePeriodStarted.class, GracePeriodStartedNames.class)
      .addMixIn(TierChange.class, TierChangeNames.class)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final Map<String, ObjectReader> READERS = new HashMap<>();

  static {
    // every record of the sealed hierarchy (PartnerEvent is a sealed interface in between)
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(DomainEvent.class);
    while (!types.isEmpty()) {
      Class<?> type = types.pop();
      if (type.isSealed()) {
        types.addAll(java.util.Arrays.asList(type.getPermittedSubclasses()));
      } else {
        READERS.put(type.getSimpleName(), MAPPER.readerFor(type));
      }
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

  /** A present {@link Optional} as its value; an empty one is left out (see the mapper's inclusion). */
  private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    OptionalSerializer() {
      super((Class) Optional.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
      return value.isEmpty();
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }
  }

  /** A JSON value as a present {@link Optional} of the property's content type; null or absent as empty. */
  private static final class OptionalDeserializer extends StdDeserializer<Optional<?>> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    private final @Nullable JsonDeserializer<Object> content;

    OptionalDeserializer(@Nullable JsonDeserializer<Object> content) {
      super(Optional.class);
      this.content = content;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property)
        throws JsonMappingException {
      JavaType type = property != null ? property.getType() : ctxt.getContextualType();
      JavaType contentType = type.containedTypeOrUnknown(0);
      return new OptionalDeserializer(ctxt.findContextualValueDeserializer(contentType, property));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (content == null) {
        throw JsonMappingException.from(p, "an Optional property without its content type");
      }
      return Optional.ofNullable(content.deserialize(p, ctxt));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
      return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Optional.empty();
    }
  }

  /** The names {@link GracePeriodStarted} components had in rows written before they were renamed. */
  @SuppressWarnings("unused")
  private abstract static class GracePeriodStartedNames {
    @JsonAlias("endsOn")
    private @Nullable LocalDate demotionDueOn;
  }

  /** The names {@link TierChange} components had in rows written before they were renamed. */
  @SuppressWarnings("unused")
  private abstract static class TierChangeNames {
    @JsonAlias("at")
    private @Nullable Instant changedAt;
  }
}
