"""Site-wide middleware: page cache, security headers, login throttle, outages."""
