/**
 * Not public API. The MME factor table, the exposure arithmetic (trace, daily dose series) computed once
 * per assessment before the rules run, and the catalog of rule metadata.
 */
package org.oihkb.engine.internal;
