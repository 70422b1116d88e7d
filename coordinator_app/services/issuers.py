"""The municipality profile as the issuer every printed document names.

Its own small module so the flyer command imports it without the minutes'
services (meetings, action items) that :mod:`.documents` needs.
"""

from __future__ import annotations

from coordinator_app.documents.data.common import Issuer
from coordinator_app.domain.municipality import MunicipalityProfile


def issuer_of(profile: MunicipalityProfile) -> Issuer:
    """The municipality profile as the documents' :class:`~.data.common.Issuer`."""
    return Issuer(
        name=profile.name,
        department=profile.department,
        address=profile.address,
        phone=profile.phone,
        fax=profile.fax,
        email=profile.email,
        website=profile.website,
        reception_hours=profile.reception_hours,
        logo=profile.logo,
    )
