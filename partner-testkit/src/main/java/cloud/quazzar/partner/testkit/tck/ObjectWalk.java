package cloud.quazzar.partner.testkit.tck;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The object walk of {@link StoredText#reachableFrom}: every value reachable from a root, as text. */
final class ObjectWalk {
  private final Consumer<String> sink;
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final ArrayList<Object> pending = new ArrayList<>();

  ObjectWalk(Consumer<String> sink) {
    this.sink = sink;
  }

  void visit(Object root) {
    pending.add(root);
    while (!pending.isEmpty()) {
      Object o = pending.remove(pending.size() - 1);
      if (o != null && seen.add(o)) {
        enter(o);
      }
    }
  }

  private void enter(Object o) {
    if (o instanceof CharSequence || o instanceof Number || o instanceof Enum<?> || o instanceof UUID
        || o instanceof TemporalAccessor || o instanceof Boolean || o instanceof Character
        || o instanceof java.util.Currency) {
      sink.accept(o.toString());
    } else if (o instanceof char[] chars) {
      sink.accept(new String(chars));
    } else if (o instanceof Optional<?> opt) {
      opt.ifPresent(pending::add);
    } else if (o instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        pending.add(k);
        pending.add(v);
      });
    } else if (o instanceof Iterable<?> items) {
      items.forEach(pending::add);
    } else if (o instanceof AtomicReference<?> ref) {
      pending.add(ref.get());
    } else if (o.getClass().isArray()) {
      if (!o.getClass().getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          pending.add(Array.get(o, i));
        }
      }
    } else if (o instanceof Record r && components(r)) {
      return;
    } else if (!jdk(o.getClass())) {
      fields(o);
    }
  }

  /** A record's components through its accessors; false if they are not accessible (then its fields are read). */
  private boolean components(Record r) {
    List<Object> values = new ArrayList<>();
    try {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        values.add(c.getAccessor().invoke(r));
      }
    } catch (IllegalAccessException | InvocationTargetException | InaccessibleObjectException e) {
      return false;
    }
    pending.addAll(values);
    return true;
  }

  private static boolean jdk(Class<?> type) {
    Module m = type.getModule();
    String name = m.isNamed() ? m.getName() : type.getName();
    return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
  }

  private void fields(Object o) {
    for (Class<?> type = o.getClass(); type != null && !jdk(type); type = type.getSuperclass()) {
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || (f.getType().isPrimitive() && f.getType() != char.class)) {
          continue;
        }
        try {
          f.setAccessible(true);
          pending.add(f.get(o));
        } catch (InaccessibleObjectException | IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + type.getName() + "." + f.getName() + " to search the"
              + " store's data: open its package to module cloud.quazzar.partner.testkit (--add-opens)", e);
        }
      }
    }
  }
}
