package cloud.quazzar.partner.examples.spring;

import cloud.quazzar.partner.events.EventListener;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerCreated;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An {@code EventListener} bean: the starter subscribes it under its bean name, {@code
 * welcomeMails}, so its cursor is kept in the store under that name. It "sends" a welcome mail (a
 * log line) for every new partner. Delivery is at least once: a real sender would remember what it
 * sent by the event's sequence.
 */
@Component("welcomeMails")
public class WelcomeMails implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(WelcomeMails.class);

  private final List<String> welcomed = new CopyOnWriteArrayList<>();

  /** Created by Spring. */
  public WelcomeMails() {}

  @Override
  public void onEvent(EventRecord record) {
    if (record.event() instanceof PartnerCreated created) {
      welcomed.add(created.companyName());
      LOG.info("welcome mail to {} (event {})", created.companyName(), record.sequence());
    }
  }

  /**
   * The companies welcomed by this process so far, in order.
   *
   * @return the company names
   */
  public List<String> welcomed() {
    return List.copyOf(welcomed);
  }
}
