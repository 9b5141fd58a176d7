"""English dates as the award writes them, British style: "23 April 2021", "23 April 2021 09:00",
"09:00" (Django's own English is American: "April 23, 2021", "9 a.m."). Every other language
uses Django's."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
