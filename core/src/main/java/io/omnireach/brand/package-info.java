/**
 * White-label branding: brand layers (platform default, reseller, tenant overrides), the one
 * resolver that combines them, the rules a brand must meet (colour contrast, URLs), and uploaded
 * logos and favicons (type by magic bytes, size caps, SVG sanitised by an allow-list).
 */
package io.omnireach.brand;
