/** JMH benchmarks. Each compares against a baseline measured in the same run; see docs/benchmarks.md. */
@NullMarked
package cloud.quazzar.partner.benchmarks;

import org.jspecify.annotations.NullMarked;
