/**
 * The architecture rules of the build, as ArchUnit rules. Build support for this repository's
 * modules, not a published API.
 */
@NullMarked
package cloud.quazzar.partner.architecture;

import org.jspecify.annotations.NullMarked;
