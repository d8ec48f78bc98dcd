/** Erasure and export of a partner's personal data (docs/rules.md PRIV-1 to PRIV-4). Not API. */
@NullMarked
package cloud.quazzar.partner.internal.privacy;

import org.jspecify.annotations.NullMarked;
