"""Every dated thing in the archive as one chronology: the home page.

`kinds` says what each kind of record contributes, `chronology` counts and pages
through the merged entries, `views` holds the filter form and the page.
"""
