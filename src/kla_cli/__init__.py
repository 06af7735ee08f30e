"""kla-cli: Kabupaten/Kota Layak Anak self-assessment from OPD workbooks."""

__version__ = "0.1.0"
