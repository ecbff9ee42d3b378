/** Public pages outside the API that need no sign-in: the one-click unsubscribe page. */
package io.omnireach.app.web;
