/** The tenant dashboard: figure cards, sign-in trend, recent activity, getting started. */
package io.omnireach.ui.dashboard;
