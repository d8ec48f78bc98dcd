package cloud.quazzar.partner.spring;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.EventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Subscribes the application's {@link EventListener} beans to the program, each under its bean
 * name ({@code program.events().subscribe(beanName, listener)}: a name without a stored cursor
 * starts from the earliest event, a known name resumes from its cursor), when the application
 * context starts, after every singleton is created; and unsubscribes them when the context stops,
 * before the program is closed. Being a lifecycle bean rather than part of the program's factory
 * method, it lets a listener bean depend on the {@code PartnerProgram} bean (to write from a
 * listener) without a cycle.
 *
 * <p>Start-up fails if a bean name is not a valid listener name ({@code DomainEvents.subscribe}:
 * 1 to 100 characters, no control character) or is already subscribed in the program; the
 * exception is the library's.
 */
public final class PartnerEventListenerBeans implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerEventListenerBeans.class);

  private final PartnerProgram program;
  private final ListableBeanFactory beans;
  private final List<String> subscribed = new ArrayList<>();
  private volatile boolean running;

  /**
   * Subscribes the listener beans of {@code beans} to {@code program} when started.
   *
   * @param program the program to subscribe to
   * @param beans where to find the {@link EventListener} beans
   */
  public PartnerEventListenerBeans(PartnerProgram program, ListableBeanFactory beans) {
    this.program = program;
    this.beans = beans;
  }

  /**
   * Subscribes every {@link EventListener} bean under its bean name, in name order. If one cannot
   * be subscribed, those subscribed before it are unsubscribed and the exception is thrown.
   */
  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    Map<String, EventListener> listeners = new TreeMap<>(beans.getBeansOfType(EventListener.class));
    try {
      for (Map.Entry<String, EventListener> e : listeners.entrySet()) {
        program.events().subscribe(e.getKey(), e.getValue());
        subscribed.add(e.getKey());
      }
    } catch (RuntimeException e) {
      unsubscribeAll();
      throw e;
    }
    running = true;
    if (!subscribed.isEmpty()) {
      LOG.info("partner program event listeners subscribed: {}", subscribed);
    }
  }

  /** Unsubscribes the listeners this bean subscribed (their cursors stay in the store). */
  @Override
  public synchronized void stop() {
    unsubscribeAll();
    running = false;
  }

  private void unsubscribeAll() {
    for (String name : subscribed) {
      program.events().unsubscribe(name);
    }
    subscribed.clear();
  }

  /**
   * Whether the listener beans are subscribed.
   *
   * @return true between {@link #start()} and {@link #stop()}
   */
  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * The names subscribed by {@link #start()}, in order.
   *
   * @return the bean names subscribed, empty when not running
   */
  public synchronized List<String> subscribedNames() {
    return List.copyOf(subscribed);
  }
}
