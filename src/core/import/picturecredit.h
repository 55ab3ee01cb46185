#pragma once

#include <QString>

#include <optional>

namespace Copydesk {

// A picture credit as printed and what it names.
struct PictureCredit
{
    QString caption;        // the text before the credit when both share a line or a caption
    QString credit;         // the person or agency: "Jane Doe/Reuters"
    QString creditLine;     // the credit as printed: "Photo: Jane Doe/Reuters"
    QString copyright;      // the credit line again when it is a copyright notice: "© 2023 Jane Doe"
    bool needsName = false; // a label alone ("Image by"): the name is on the next line
};

// A credit split into the photographer and the agency or source: "Anna Kowalczyk/AP" -> Anna Kowalczyk, AP.
struct CreditParts
{
    QString person;
    QString agency;
};

// The one reader of picture credits, for the captions of saved pages and for lines of plain text. Both
// know the same labels ("Photo:", "Photograph by", "Credit:", "Foto:", "©"...), read a credit line the same
// way (label, copyright year and a trailing period taken off) and test names the same way. They differ
// only in how far they trust their input, which is why there are two entry points:
namespace PictureCredits {

// A caption from a page, where a credit is expected: a labelled credit after the end of a sentence,
// "(Photo by X/Getty Images)" or "(Reuters)" at the end, an unlabelled agency credit ("Jane Doe/AFP via
// Getty Images", "AP Photo/Evan Vucci") as the last segment, and source labels ("Source:", "Quelle:").
// Without a credit, the whole text is the caption.
PictureCredit splitCaption(const QString &captionText);

// A credit line or element marked as one: the label and copyright year are taken off for `credit`.
PictureCredit fromCreditLine(const QString &line);

// A line of plain text, where most lines are body text: only picture and copyright labels count, a label
// inside the line must be written with a capital after white space, and what follows must look like a name
// ("Jane Doe/Reuters", "AP Photo/Jane Doe for X").
std::optional<PictureCredit> parseLine(const QString &line);

// Completes a credit whose name is on the next line; false when that line is not a name.
bool completeWithName(PictureCredit &credit, const QString &nextLine);

// Splits a credit (label already taken off) into person and agency: "Anna Kowalczyk/AP", "Jane Roe /
// Reuters", "AP Photo/Evan Vucci", "Jane Doe/AFP via Getty Images", "Jane Doe for The Times", "Reuters" (an
// agency alone), "Tomasz Sulima" (a person alone).
CreditParts splitAgency(const QString &credit);

// Capitalised words with connectors ("for", "and", "van", "/"...): the shape of a person or an agency.
bool isCreditName(const QString &text);

} // namespace PictureCredits
} // namespace Copydesk
