/**
 * The Personas section: a responsive grid of persona cards and an editor dialog (tone sliders,
 * value propositions, writing samples); Viewers read, Admin and Sales write.
 */
package io.omnireach.ui.persona;
