"""コーディネーター: coordinators and their assignment history."""
