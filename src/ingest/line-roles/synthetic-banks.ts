/**
 * The words the synthetic pages are made of (synthetic-pages.ts): invented names, debate sentences,
 * interface words and page furniture, all written for this generator, none taken from a site. Some
 * sentences hold numbers, dates and names, so that a date or a number alone does not make a header.
 */

export const FIRST_NAMES = [
  'Marie', 'Jean', 'Lucie', 'Karim', 'Sophie', 'Thomas', 'Nadia', 'Pierre', 'Camille', 'Yannick', 'Élodie', 'Mehdi', 'Claire',
  'Hugo', 'Fatou', 'Bernard', 'Inès', 'Olivier', 'Aurélie', 'Franck', 'Léa', 'Gilles', 'Samira', 'Antoine', 'Chloé', 'Didier',
] as const;

export const LAST_NAMES = [
  'Martin', 'Lefèvre', 'Boucher', 'Garnier', 'Roussel', 'Benali', 'Moreau', 'Fontaine', 'Chevalier', 'Perrin', 'Diallo', 'Marchand',
  'Lemoine', 'Barbier', 'Renaud', 'Colin', 'Vidal', 'Caron', 'Aubert', 'Meunier',
] as const;

/** Pseudonyms: lower case, digits, underscores, joined words. */
export const PSEUDONYMS = [
  'citoyen_lambda', 'Rocher44', 'vieux_grincheux', 'LaBretonne', 'zebulon', 'obs_critique', 'Marmotte_du_59', 'ptitloup',
  'contribuable_las', 'Ours_Polaire', 'nemo1987', 'Gavroche', 'Tournesol31', 'le_sceptique', 'PapyBoomeur', 'electeur_libre',
  'Azerty_Qwerty', 'Cassandre', 'jojo_du_port', 'Nuage_Gris',
] as const;

/** Badges and roles printed beside a name. */
export const BADGES = [
  'Abonné', 'Abonnée', 'Modérateur', 'Top contributeur', 'Membre', 'Nouveau membre', 'Auteur', 'Rédaction', '✓', 'Expert',
  'Contributeur régulier', 'Premium', 'Membre depuis 2019', '★ Fan', 'Subscriber', 'Verified',
] as const;

export const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
export const FRENCH_SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'] as const;
export const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** Sentences of comments: opinions, objections, questions, one-liners; some hold numbers or dates. */
export const SENTENCES = [
  'Je ne vois pas en quoi cette réforme changerait quoi que ce soit pour les usagers.',
  'Encore une fois, ce sont les petites communes qui vont payer la note.',
  'Vous oubliez que le projet avait déjà été rejeté en 2019 par le conseil.',
  'Franchement, qui peut croire à ces chiffres ?',
  'Le coût annoncé est de 3 millions d’euros, mais personne ne dit sur combien d’années.',
  'J’ai travaillé vingt ans dans ce secteur et je peux vous dire que rien n’a changé.',
  'Il faudrait d’abord lire le rapport avant de le critiquer.',
  'Tout à fait d’accord.',
  'N’importe quoi.',
  'Merci pour cet article clair et bien documenté.',
  'On nous avait promis la même chose le 12 mars 2021, et on attend toujours.',
  'La question n’est pas de savoir si c’est utile, mais qui décide.',
  'Les données de santé n’ont rien à faire chez un hébergeur étranger.',
  'Ça fait 15 ans qu’on entend ce discours.',
  'Et pendant ce temps, les guichets ferment un par un.',
  'Je suis plutôt favorable, à condition que le code soit publié.',
  'Personne ne parle des agents qui devront se former en trois semaines.',
  'Le débat mérite mieux que des slogans.',
  'Sur les 40 départements concernés, seuls 6 ont répondu à l’enquête.',
  'Mon père a 82 ans et il ne sait pas se servir d’un ordinateur : on fait comment ?',
  'C’est exactement ce que disait le ministre en septembre dernier.',
  'Vous confondez souveraineté et protectionnisme.',
  'Il y a 2 ans, la même panne avait bloqué les inscriptions pendant une semaine.',
  'Bravo, enfin une décision sensée.',
  'Je ne comprends pas pourquoi on ne fait pas appel aux entreprises locales.',
  'Les logiciels libres existent, il suffit de les financer correctement.',
  'Source ? J’aimerais bien voir l’étude.',
  'Le budget 2024 prévoit une hausse de 8 %, ce n’est pas rien.',
  'Au fond, tout le monde sait que ce ne sera jamais appliqué.',
  'Je rejoins l’avis précédent sur la formation.',
  'Ce n’est pas une question technique, c’est une question politique.',
  'La CNIL a pourtant rendu un avis défavorable le 4 juillet.',
  'On peut être pour le progrès sans accepter n’importe quel contrat.',
  'Moi je constate surtout que les prix ont doublé depuis 2020.',
  'Le vrai scandale, c’est l’absence de plan B.',
  'Je ne suis pas d’accord : l’État a aussi fait des efforts.',
  'Quelqu’un sait si la consultation publique est encore ouverte ?',
  'Les élus locaux n’ont jamais été consultés, c’est bien le problème.',
  'Relisez l’article 7 de la loi, tout y est.',
  'À 10 h ce matin, le site était encore inaccessible.',
  'C’est le contribuable qui paiera, comme d’habitude.',
  'Il faut arrêter de tout dramatiser, le service fonctionne la plupart du temps.',
  'Trois pannes en deux mois, ça commence à faire beaucoup.',
  'Pourquoi pas, mais avec quel personnel ?',
  'Le rapport de la Cour des comptes était pourtant très clair là-dessus.',
  'Je travaille dans une mairie de 1 200 habitants et on n’a même pas de technicien.',
  'Intéressant, mais l’article oublie le coût de la maintenance.',
  'Hier encore, ma demande a été refusée sans explication.',
  'Enfin quelqu’un qui ose le dire.',
  'Ce genre de projet finit toujours par coûter le double.',
  'Les associations d’usagers réclament un accueil physique depuis des années.',
  'Pas convaincu.',
  'Qui contrôle les contrôleurs ?',
  'On a voté contre en 2022, et le texte revient par la petite porte.',
  'Le numérique ne remplacera jamais un conseiller en chair et en os.',
  'Avec 250 euros par mois, on ne fait pas de miracle.',
  'Je vous invite à regarder ce qui se fait en Estonie.',
  'Il n’y a aucune raison de faire confiance à une entreprise qui a déjà menti.',
  'Ça dépend entièrement de la manière dont ce sera mis en œuvre.',
  'Les chiffres du 1er trimestre montrent une baisse de 12 %.',
  'I completely agree with the point about local hosting.',
  'This has been discussed for years and nothing ever happens.',
  'Not sure the numbers add up, to be honest.',
  'Where is the source for the 30 % figure?',
] as const;

/** Short titles of articles and of links to other articles. */
export const TITLES = [
  'Cloud souverain : le gouvernement revoit sa copie',
  'Panne géante des services en ligne : ce que l’on sait',
  'Les mairies face au casse-tête de la dématérialisation',
  'Données de santé : le choix de l’hébergeur fait débat',
  'Fibre optique : les zones rurales toujours en attente',
  'Identité numérique : une application qui divise',
  'Le budget du numérique public en hausse de 8 %',
  'Cybersécurité : les hôpitaux appellent à l’aide',
] as const;

/** Sentences of articles: longer, factual, with dates and figures. */
export const ARTICLE_SENTENCES = [
  'Le ministère a annoncé mardi un nouveau calendrier pour le déploiement de la plateforme.',
  'Selon les chiffres communiqués le 14 octobre, près de 2,3 millions de personnes sont concernées.',
  'Plusieurs associations dénoncent un projet mené sans concertation avec les collectivités.',
  'Le texte doit être examiné en commission à partir du 5 décembre.',
  'Interrogé par nos soins, le cabinet du ministre n’a pas souhaité commenter.',
  'Les premiers retours des agents font état de difficultés importantes.',
  'Le coût total du programme est estimé à 180 millions d’euros sur cinq ans.',
  'Les syndicats ont appelé à une journée de mobilisation le 18 janvier.',
  'Une mission d’inspection avait pourtant pointé ces risques dès 2021.',
  'Dans son avis, l’autorité de contrôle recommande de conserver une solution de secours.',
  'Les élus de l’opposition demandent la publication intégrale du contrat.',
  'Le dispositif sera d’abord testé dans trois départements pilotes.',
] as const;

/** Menus, breadcrumbs and site names of the page's top. */
export const NAVIGATION = [
  'Accueil   Politique   Économie   Société   Numérique   Opinions',
  'Accueil › Société › Numérique',
  'Menu',
  'Rechercher',
  'Se connecter',
  'S’abonner',
  'Actualités | Dossiers | Tribunes | Agenda',
  'Home  News  Tech  Opinion',
  'L’Écho des territoires',
  'Le Quotidien numérique',
  'La Gazette citoyenne',
  'Accueil', 'Explorer', 'Notifications', 'Messages', 'Profil', 'Communautés', 'Listes', 'Favoris', 'Paramètres', 'Plus',
  'Numérique', 'Société', 'Politique', 'Forum', 'Index du forum', 'Tout replier', 'Copier le lien', 'Enregistrer', 'Suivre',
  'Sujets', 'Dernières discussions', 'Catégories', 'FAQ', 'Règlement',
] as const;

/** Blocks of boilerplate between the article and the comments or at the page's end. */
export const BOILERPLATE_BLOCKS: readonly (readonly string[])[] = [
  ['Lire aussi : {title}'],
  ['À lire aussi', '{title}', '{title}'],
  ['Newsletter', 'Recevez chaque matin l’essentiel de l’actualité.', 'Votre adresse e-mail', 'Je m’inscris'],
  ['Nous utilisons des cookies pour améliorer votre expérience. En poursuivant, vous acceptez leur utilisation.', 'Accepter   Refuser   Paramétrer'],
  ['Cet article est réservé aux abonnés.', 'Déjà abonné ? Connectez-vous'],
  ['Sur le même sujet', '{title}'],
  ['Publicité'],
  ['Partager :  Facebook  Twitter  LinkedIn  E-mail'],
  ['Mentions légales · Contact · Plan du site', '© 2024 Tous droits réservés'],
  ['Read more', '{title}'],
  ['Charte de modération', 'Les commentaires sont relus avant publication. Soyez courtois.'],
];

/** What announces the comments: "{n}" is replaced by a count. */
export const COMMENT_HEADINGS = ['{n} commentaires', 'Commentaires ({n})', 'Réactions', '{n} réactions', 'Les commentaires', 'Comments', '{n} comments', 'Discussion', 'Trier par : les plus récents'] as const;

/** Interface words of a comment's action line. */
export const ACTIONS = ['Répondre', 'Signaler', 'Partager', 'J’aime', 'Reply', 'Like', 'Share', 'Report', 'Citer', 'Modifier', 'Alerter', 'Recommander'] as const;

/** Lines of a member's profile printed beside a post: "{date}" and "{n}" are filled in. */
export const PROFILE_LINES = ['Messages : {n}', 'Inscription : {date}', 'Membre depuis {date}', 'Localisation : Bretagne', 'Localisation : Lyon', 'Points : {n}', 'Réputation : {n}', '{n} messages', 'Hors ligne', 'En ligne'] as const;

/** Short closings of a comment, its last line. */
export const SIGN_OFFS = ['Cordialement', 'Bien à vous', 'Merci !', 'Bonne journée', 'À suivre…', 'Voilà.', 'Mes deux centimes.', 'Edit : coquille.'] as const;

/** Lines closing a thread. */
export const FOOTERS = ['Voir plus de commentaires', 'Charger plus', 'Afficher les réponses', 'Load more comments', 'Voir plus'] as const;
