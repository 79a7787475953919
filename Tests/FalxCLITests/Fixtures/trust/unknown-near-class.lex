# A near rule whose anchor class is defined nowhere.
near dural_calcification: calcium site 6
