/** The outbox around the store and the delivery of events to listeners (not API). */
@NullMarked
package cloud.quazzar.partner.internal.events;

import org.jspecify.annotations.NullMarked;
