/** The finance desk of resellers and the Owner: usage, invoices, wholesale cost and margin. */
package io.omnireach.billing.finance;
