#pragma once

#include <import/importservice.h>

class QWidget;

namespace Copydesk {

struct Article;
struct ArticleSummary;

// Asks what to do with an imported article that is already in the library: skip it, replace the stored one,
// or keep both. The answer can be given once for the rest of the import.
class DuplicateDialog final
{
public:
    struct Answer
    {
        DuplicatePolicy policy = DuplicatePolicy::Skip;
        bool forAllRemaining = false;
    };

    static Answer ask(QWidget *parent, const Article &incoming, const ArticleSummary &existing);
};

} // namespace Copydesk
