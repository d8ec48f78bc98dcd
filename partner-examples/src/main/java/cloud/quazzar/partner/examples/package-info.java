/** The runnable quickstart and the README's host example. */
@NullMarked
package cloud.quazzar.partner.examples;

import org.jspecify.annotations.NullMarked;
