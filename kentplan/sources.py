"""The council papers the data is transcribed from (fixtures/sources/README.md), by the
file names the records keep in their `source`: readers see the paper's title."""

DOCUMENTS = {
    "000_541712385aa2ff03.txt": (
        "Unannounced Inspection Action Plan – September 2010 "
        "(County Council, 14 October 2010, Appendix 1)"
    ),
    "001_61216b37912ad32e.txt": (
        "Putting Children First: Kent’s Safeguarding and Looked After Children "
        "Improvement Plan (Final, March 2011)"
    ),
    "002_a8dad1b4c03f7028.txt": (
        "Putting Children First: progress report to the Specialist Children’s Services "
        "Policy Overview & Scrutiny Committee, 21 June 2011"
    ),
    "003_d63d0dac056af25f.txt": (
        "Action plans arising from previous Ofsted inspections: Progress Update "
        "(report to Cabinet Committee, 2015)"
    ),
    "004_240863e46fef3f59.txt": (
        "Inspection of safeguarding and looked after children services "
        "(report to Cabinet, 29 November 2010)"
    ),
}


def document_title(source: str) -> str:
    """The paper's title; a source that is not one of the papers is shown as written."""
    return DOCUMENTS.get((source or "").strip(), source or "")
