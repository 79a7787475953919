# A site's wording with a typo in the concept name.
target dural_calcifcation: falcine ossification
