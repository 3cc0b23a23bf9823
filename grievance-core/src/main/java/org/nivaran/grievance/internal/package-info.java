/**
 * Implementation details of Nivaran. Nothing here is API: types may change or vanish in any
 * release, and no public signature outside this package mentions them.
 */
package org.nivaran.grievance.internal;
