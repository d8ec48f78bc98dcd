package cloud.quazzar.partner.spi;

/** Work done inside one store transaction. */
@FunctionalInterface
public interface StoreWork<T> {
  T run(StoreTransaction tx);
}
