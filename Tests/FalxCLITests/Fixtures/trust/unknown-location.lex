# A location the audit does not know.
class site sagittal: superior sagittal sinus wall
