/**
 * Personal data (docs/rules.md PRIV-1 to PRIV-4, docs/privacy.md): erasing what can identify a
 * person from a partner's records and history, and exporting everything held about one partner
 * as one JSON document.
 */
@NullMarked
package cloud.quazzar.partner.privacy;

import org.jspecify.annotations.NullMarked;
