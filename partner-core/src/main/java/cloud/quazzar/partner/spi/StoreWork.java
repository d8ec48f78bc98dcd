package cloud.quazzar.partner.spi;

/** Work done inside one store transaction. */
@FunctionalInterface
public interface StoreWork<T> {
  /**
   * Does the work inside the transaction {@code tx}; {@link Store#write} commits it when this
   * returns and rolls it back when this throws.
   *
   * @param tx the transaction the work runs in
   * @return the work's result
   */
  T run(StoreTransaction tx);
}
