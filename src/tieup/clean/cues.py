"""Phrases that mark a line as page furniture rather than article text.

Data, not logic: the line classifier in `plaintext.py` reads these lists.
Every entry is lower-case with straight apostrophes (lines are normalised the
same way before matching). French and English side by side.
"""

from __future__ import annotations

# A line that *starts* with one of these is navigation, a teaser link, a
# call to action, a byline or a credit.
START = (
    # teasers and related links
    "à lire", "a lire", "lire aussi", "lire la suite", "lire plus", "à voir", "voir aussi",
    "à découvrir", "découvrez aussi", "découvrez notre", "sur le même sujet",
    "dans la même rubrique",
    "read more", "read also", "also read", "read next", "related:", "related articles",
    "related stories", "related posts", "related content", "see also", "more from", "more on this",
    "you may also like", "you might also like", "recommended for you", "most popular", "most read",
    "trending", "les plus lus", "les plus populaires", "en continu",
    # sharing and calls to action
    "partagez", "partager", "share this", "share on", "share:", "tweet", "pin it",
    "abonnez-vous", "inscrivez-vous", "souscrire", "s'abonner", "subscribe", "sign up", "sign in",
    "log in", "login", "register", "connectez-vous", "se connecter", "follow us", "suivez-nous",
    "cliquez", "click here", "download the app", "téléchargez", "get the app",
    "laisser un commentaire", "laissez un commentaire", "leave a reply", "leave a comment",
    "post a comment", "add a comment", "ajouter un commentaire", "voir tous les commentaires",
    "view all comments", "view comments", "show comments", "load more", "charger plus",
    # bylines, dates, credits
    "publié le", "mis à jour le", "mise à jour", "published", "updated", "posted on", "posted by",
    "photo :", "photo:", "photos :", "crédit", "credit:", "credits:", "image:",
    "illustration :", "©", "copyright", "(c) ",
    # site furniture
    "tags:", "tags :", "mots-clés", "mots clés", "catégories", "categories:", "filed under",
    "advertisement", "publicité", "sponsored", "sponsorisé", "contenu sponsorisé",
    "newsletter", "cookies", "we use cookies", "nous utilisons des cookies", "this site uses",
    "ce site utilise", "privacy policy", "politique de confidentialité", "terms of use",
    "conditions générales", "mentions légales", "all rights reserved", "tous droits réservés",
    "skip to", "aller au contenu", "back to top", "retour en haut",
    "précédent :", "suivant :",
)

# Navigation to the neighbouring articles: furniture whatever the length of the title.
NAVIGATION = (
    "article suivant", "article précédent", "article precedent", "next article",
    "previous article", "next post", "previous post", "←", "→", "lire aussi", "à lire aussi",
    "read more:", "read also", "related:",
)

# A short line that *is* one of these opens a list of teasers for other articles.
RELATED_HEADERS = frozenset({
    "articles en relation", "en relation", "articles liés", "articles similaires", "à suivre",
    "à lire aussi", "lire aussi", "à lire", "vous aimerez aussi", "you will also like",
    "sur le même sujet", "sur le même thème", "dans la même rubrique", "les plus lus",
    "les plus populaires", "à découvrir", "voir aussi", "related", "related articles",
    "related stories", "related posts", "more stories", "more from", "most read", "most popular",
    "you may also like", "you might also like", "recommended", "recommended for you",
    "read next", "read more", "trending", "popular posts", "recent posts", "derniers articles",
    "articles récents",
})

# A line holding one of these anywhere is a paywall, newsletter or consent notice.
NOTICE = (
    "boîte mail", "boîte de réception", "adresse de messagerie", "adresse e-mail",
    "adresse email", "lettre d'information", "lettres d'information", "désinscri",
    "désabonner", "your inbox", "email address", "unsubscribe", "vous avez lu",
    "articles gratuits", "free articles", "you have read", "n'engagent que leurs auteurs",
    "the views expressed", "accepter les cookies", "accept cookies", "javascript",
)

# "cookie" plus one of these in a line: a consent banner.
CONSENT = (
    "consent", "accept", "traceur", "tracker", "paramétr", "finalité", "refus", "préférences",
    "preferences", "navigation", "privacy", "confidentialité", "partenaires", "partners",
)

# A short line holding one of these is a photo caption or credit.
CREDIT = ("photo :", "photo:", "photos :", "(c) ", "©", "crédit photo", "credit:", "getty images",
          "/ afp", "/ reuters", "illustration :")

# A line that *is* one of these (ignoring case and punctuation) is a widget
# label, a button or a menu entry.
WHOLE = frozenset({
    "souscrire", "s'abonner", "subscribe", "notifier", "notify of", "invité", "guest", "logo",
    "menu", "accueil", "home", "search", "rechercher", "recherche", "share", "partager",
    "partage", "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "instagram",
    "youtube", "pinterest", "reddit", "email", "e-mail", "mail", "print", "imprimer",
    "commentaires en ligne", "inline feedbacks", "voir tous les commentaires",
    "view all comments", "load more", "charger plus", "répondre", "reply", "previous", "next",
    "précédent", "suivant", "close", "fermer", "advertisement", "publicité", "sponsored",
    "continue reading", "lire la suite", "read more", "more", "plus", "top", "newsletter",
    "connexion", "se connecter", "sign in", "log in", "login", "register", "s'inscrire",
    "comments", "commentaires", "comment", "commentaire", "related", "à lire aussi",
})

# A short line starting with one of these is a byline.
BYLINE = ("by ", "par ", "written by", "écrit par", "auteur :", "author:")

# Promotional vocabulary: two of these in one line make it an advert.
PROMO = (
    "coupon", "code promo", "promo", "offres", "offre spéciale", "économisez", "bons plans",
    "bon plan", "soldes", "réduction", "whatsapp", "telegram", "discount", "deal", "deals",
    "save up to", "free shipping", "livraison gratuite", "black friday", "abonnez", "subscribe",
    "newsletter", "inscrivez",
)

# Words that tell a bio ("about the author") apart from article text.
BIO = (
    "passionné", "passionnée", "passionate", "journaliste", "rédacteur", "rédactrice",
    "journalist", "writer", "editor", "reporter", "contributor", "blogueur", "blogger",
    "j'adore", "i love", "fan de", "geek", "nerd",
)

# Function words: a heading has some, a keyword strip of names has none.
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "with", "at", "by", "from",
    "is", "are", "how", "why", "what", "le", "la", "les", "l", "un", "une", "des", "de", "du",
    "d", "et", "ou", "à", "au", "aux", "en", "pour", "avec", "sur", "par", "dans", "face",
    "est", "sont", "qui", "que", "comment", "pourquoi",
})
