/** Cross-cutting domain types: the errors every boundary (REST, UI) translates for people. */
package io.omnireach.common;
