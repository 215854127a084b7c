using System.Collections.Frozen;

namespace FeedbackCollector.Analysis.Concerns;

/// <summary>
/// Word classes for the signal rules: who (family, a parent's partner, an unnamed man, a person in trust), what
/// (harm verbs in every tense and the usual misspellings, sexual acts, self-harm acts, injuries, carrying,
/// images), wanting and death goals, fear, secrecy, weapons, imminence, and the context classes that undo a
/// match (negation, laughter, trivial causes, education nouns). A class is a bit; a word may have several.
/// Multi-word entries ("end it", "on our own", "step dad") are phrases, marked on their first word.
/// Words are in <see cref="ConcernText"/> form: lower case, no apostrophes.
/// </summary>
internal static class ConcernLexicon
{
    // Actors.
    public const ulong Family = 1UL << 0;
    public const ulong Partner = 1UL << 1;
    public const ulong Pronoun = 1UL << 2;
    public const ulong Male = 1UL << 3;
    public const ulong Trust = 1UL << 4;

    // Victims and bodies.
    public const ulong Kid = 1UL << 5;
    public const ulong Body = 1UL << 6;

    // Acts.
    public const ulong Harm = 1UL << 7;
    public const ulong Sexual = 1UL << 8;
    public const ulong SelfAct = 1UL << 9;
    public const ulong Reflexive = 1UL << 10;
    public const ulong InjuryHarm = 1UL << 11;
    public const ulong InjurySelf = 1UL << 12;

    // Self-harm ideation.
    public const ulong Desire = 1UL << 13;
    public const ulong DeathGoal = 1UL << 14;
    public const ulong SelfHarmStrong = 1UL << 15;
    public const ulong Take = 1UL << 16;
    public const ulong Quantity = 1UL << 17;
    public const ulong Pills = 1UL << 18;

    // Context.
    public const ulong Negation = 1UL << 19;
    public const ulong Laugh = 1UL << 20;
    public const ulong Trivial = 1UL << 21;
    public const ulong Distress = 1UL << 22;
    public const ulong Fear = 1UL << 23;
    public const ulong Secret = 1UL << 24;
    public const ulong Alone = 1UL << 25;
    public const ulong Leave = 1UL << 26;
    public const ulong Incapable = 1UL << 27;
    public const ulong Squalor = 1UL << 28;
    public const ulong NoFood = 1UL << 29;

    // Exploitation.
    public const ulong Carry = 1UL << 30;
    public const ulong Goods = 1UL << 31;
    public const ulong Coerce = 1UL << 32;
    public const ulong Older = 1UL << 33;
    public const ulong Image = 1UL << 34;
    public const ulong Online = 1UL << 35;
    public const ulong Gift = 1UL << 36;
    public const ulong Burner = 1UL << 37;

    // Danger.
    public const ulong Weapon = 1UL << 38;
    public const ulong Imminent = 1UL << 39;
    public const ulong Future = 1UL << 40;
    public const ulong Threat = 1UL << 41;
    public const ulong HighPlace = 1UL << 42;
    public const ulong Goodbye = 1UL << 43;
    public const ulong Smash = 1UL << 44;
    public const ulong Bleed = 1UL << 45;

    // Audience of awareness talk, accidents, venues.
    public const ulong Education = 1UL << 46;
    public const ulong Accident = 1UL << 47;
    public const ulong WeaponTalk = 1UL << 48;
    public const ulong Venue = 1UL << 49;
    public const ulong Home = 1UL << 50;
    public const ulong First = 1UL << 51;
    public const ulong Resolved = 1UL << 52;
    public const ulong PastMark = 1UL << 53;
    public const ulong Hypothetical = 1UL << 54;
    public const ulong Fight = 1UL << 55;
    public const ulong ChildAge = 1UL << 56;
    public const ulong AdultAge = 1UL << 57;
    public const ulong Mum = 1UL << 58;
    public const ulong SexualAct = 1UL << 59;
    public const ulong ResolvedNow = 1UL << 60;
    public const ulong Awareness = 1UL << 61;
    public const ulong ExStrong = 1UL << 62;
    public const ulong HarmMe = 1UL << 63;


    /// <summary>Anyone who may hurt a child: family, a parent's partner, he/she/someone, a man, a person in trust.</summary>
    public const ulong Actor = Family | Partner | Pronoun | Male | Trust;

    private static readonly (ulong Class, string Words)[] Entries =
    [
        (Family, "mum mam mom mother mummy mommy mumma dad daddy father stepdad stepmum stepmom stepfather stepmother nan nana nanna gran granny grandad grandpa grandma grandmother grandfather uncle aunt auntie aunty cousin carer carers parent parents foster brother bro sister sis mums mams moms dads"),
        (Family, "step_dad step_mum step_mom step_father step_mother foster_carer foster_dad foster_mum"),
        (Mum, "mum mam mom mother mummy mommy mumma mums mams moms wife girlfriend"),
        (Partner, "boyfriend bf fella partner husband ex girlfriend gf wife hubby boyfriends partners"),
        (Partner, "new_man ex_partner"),
        (Pronoun, "he she they hes shes theyre someone somebody name"),
        (Male, "man men guy guys lad lads boys bloke blokes adult adults males stranger strangers"),
        (Trust, "teacher coach tutor leader instructor neighbour lodger babysitter"),
        (Kid, "son daughter child children kids kid baby brother sister bro sis siblings sibling brothers sisters toddler toddlers infant infants little_ones little_uns"),
        (Body, "forearm forearms arm arms wrist wrists leg legs thigh thighs skin stomach belly tummy hip hips face back neck head chest hand hands body bum privates boobs bottom lip"),
        (Harm, "batterd beatd slapd punchd kickd headbutt headbutted headbutts head_butted head_butt kneed stamped stamp scalded scald locked broke breaks knocks_me knocked_me pulls_my_hair pulled_my_hair pull_my_hair pulls_her_hair pulled_her_hair by_the_hair by_the_throat a_hiding hiding_with tied tie ties boiling_water hit hits hitting hitt hitts hited hitted beat beats beating beaten beated beatin beets batter batters battered battering leathered punch punches punched punchs punchin kick kicks kicked kickd kickin slap slaps slapped slapt slappin smack smacks smacked smackin smackd wack wacks wacked whack whacks whacked thump thumps thumped strangle strangles strangled strangling choke chokes choked choking throttle throttled shove shoves shoved push pushes pushed pinned pins drag drags dragged grab grabs grabbed bash bashes bashed burn burns burned burnt hurt hurts hurting harm harms abuse abuses abused abusing attack attacks attacked bite bites bit throws threw belt belts belted whip whips whipped spank spanks spanked twat twats twatted threaten threatens threatened threatening"),
        (Sexual, "filmed films filming strokes stroked stroking kisses kissed under_my_clothes under_her_clothes under_his_clothes into_bed_with in_bed_with touch touches touched touching touchd rape rapes raped raping molest molests molested grope gropes groped fondle fondles fondled touchs tuches tuched tuching"),
        (SelfAct, "cut cuts cutting cuttin cuting kut scratch scratches scratching scratched burn burns burning burnt burned hurt hurts hurting harm harming punch punches punching punched hit hits hitting bang banging carve carving carved starve starving stab stabbing hang hanging strangle choke kill killing"),
        (Reflexive, "myself meself myslf myslef mysef herself himself themselves themself yourself urself my_self her_self him_self them_selves"),
        (InjuryHarm, "cast plaster sling stitches swollen broken fractured fat_lip split_lip black_and_blue concussion broken_nose broken_arm bruise bruises bruised bruising handprint handprints welts marks mark burns black_eye black_eyes"),
        (InjurySelf, "lacerations laceration cut_up deeper ligature ligatures scars scar scarring cuts scratches"),
        (Desire, "want wants wanted wanting wanna wana wnt wish wishing hope hoping hopin plan planning planned plans thinking thinkin think thought thoughts tried trying try attempt attempted gonna gna might urge urges decided"),
        (DeathGoal, "stop_forever everything_to_stop fade_away not_come_back dont_come_back never_come_back not_be_here_anymore die be_dead was_dead were_dead death not_wake_up never_wake_up wont_wake_up not_waking_up never_waking_up not_wake never_wake stop_existing not_exist not_existing not_be_here not_be_alive not_be_around end_it endin_it end_things end_everything end_my_life kill_myself disappear_forever disappear_for_good disappearing_for_good sleep_forever be_gone go_to_sleep_forever"),
        (SelfHarmStrong, "relapsed relapsing relapse_again self_injury self_injuring done_with_life done_with_everything done_with_living ive_got_a_plan got_a_plan have_a_plan cant_keep_going cant_go_on jumping_in_front jump_in_front in_front_of_a_train fade_away no_one_would_miss_me nobody_would_miss_me noone_would_miss_me no_one_would_care nobody_would_care nobody_would_notice no_one_would_notice reasons_to_stay_alive reason_to_live reasons_to_live reason_to_stay see_a_future no_future giving_his_things_away giving_her_things_away giving_my_stuff_away giving_my_things_away dont_come_back_up not_come_back_up never_come_back_up better_without_me how_many_paracetamol how_many_pills how_many_tablets how_to_overdose best_way_to_die easiest_way_to_die kill_myself killing_myself kms suicidal thoughts_of_suicide thoughts_of_killing ways_to_die how_to_die how_to_kill_myself better_off_without_me better_off_dead without_me_around if_i_wasnt_here if_i_was_gone if_i_wasnt_around if_i_wasnt_alive if_i_died if_i_disappeared whats_the_point_of_me point_of_me_being_alive point_in_living point_of_living why_am_i_still_here why_im_still_here why_im_even_still_here why_am_i_even_here no_reason_to_live nothing_to_live_for take_my_own_life end_my_life wish_i_was_dead wish_i_were_dead wish_i_was_never_born wish_i_wasnt_born wish_i_wasnt_here wish_i_didnt_exist disappearing_for_good disappear_for_good end_it_all ending_it_all overdose overdosed overdosing noose"),
        (Take, "take takes taking took taken swallow swallowed swallowing tak"),
        (Quantity, "all extra whole loads lots too_many handful box packet bottle bunch strip load heaps"),
        (Pills, "pills tablets meds paracetamol painkillers pils tablet"),
        (Negation, "not dont doesnt didnt never wont wouldnt isnt arent no nobody noone no1 havent hasnt dnt nvr neva"),
        (Laugh, "lol lmao lmfao haha hahaha hahah hehe jk xd rofl lool lolol ha"),
        (Trivial, "homework maths math exam exams test tests survey surveys form forms presentation presentations detention lesson lessons pe revision wifi charger queue game fifa pillows pillow timetable boring bored cringe annoyed quiz assignment coursework essay traffic spelling embarrassment embarrassing mocks mock gcses gcse sats xbox ps5 playstation"),
        (Distress, "anxiety anxious stress stressed panic overwhelmed upset angry too_much everything anymore nobody alone hate depressed sad bullied bullying crying cry lonely hopeless worthless scared every_day every_night all_the_time no_one"),
        (Fear, "scared scard scaired scaried afraid frightened frightend terrified petrified"),
        (Secret, "no_one_will_believe nobody_will_believe noone_will_believe wont_believe_me secret secrets not_to_tell dont_tell cant_tell between_us in_trouble_if_i_tell trouble_if_i_tell keep_quiet keep_it_quiet"),
        (Alone, "alone on_my_own on_our_own by_myself by_ourselves home_alone on_their_own by_themselves by_himself by_herself on_his_own on_her_own"),
        (Leave, "leave leaves left leaving"),
        (Incapable, "benders bender on_a_bender off_her_head off_his_head out_of_it high_all_the_time using_again drunk wasted stoned passes_out passed_out off_her_face off_his_face drinks_til drinks_till drinks_until too_drunk"),
        (Squalor, "head_lice nits soiled filthy smell_me can_smell_me holes_in_my_shoes no_pjs heatings_been_off heating_off heating_is_off no_working_heating no_clean_clothes dirty_clothes unwashed unkempt dishevelled ill_fitting untreated_dental untreated_tooth untreated_head_lice dental_decay tooth_decay rotten_teeth was_not_brought were_not_brought maggots cockroaches rubbish_bags no_hot_water no_electric no_electricity no_heating dog_mess dog_poo same_clothes same_uniform sleep_on_the_floor no_bed bed_bugs bedbugs smell_at_school squalid faltering_growth smell_of_urine smelt_of_urine soaked_in_urine urine_soaked no_beds no_bedding bare_mattress bare_mattresses same_nappy soiled_nappy soiled_nappies dirty_nappy dirty_nappies unchanged_nappy"),
        (NoFood, "crisps_for_tea dont_feed doesnt_feed never_feeds without_food come_back_starving no_tea no_dinner no_food nothing_to_eat havent_eaten not_eaten hasnt_eaten havent_ate without_tea without_food without_dinner without_breakfast no_money_for_food nothing_in_the_cupboards anything_in_the_cupboards nothing_in_the_fridge arrives_hungry always_hungry go_to_bed_hungry goes_to_bed_hungry no_food_in never_any_food neva_any_food nvr_any_food never_anything_to_eat neva_anything_to_eat nothing_2_eat nothin_to_eat nothin_2_eat nuthin_to_eat nuffin_to_eat"),
        (Carry, "keep keeping carry carrying carried carries hold holding holds hide hiding hid stash stashing stashed move moving drop dropping deliver delivering delivers take taking sell selling sold shot shotting dealing deal look_after"),
        (Goods, "gun guns knife knives stuff bags bag package packages parcel parcels drugs weed gear things phone phones money cash"),
        (Coerce, "quid know_where_i_live know_where_you_live pay pays paid paying payin money cash earn earning given give gave gives giving offer offered offering offers made make makes making forced force asked asks asking told tell owe owes exchange vape vapes weed drugs older lads men guys gang threatened threaten promised"),
        (Older, "older adult adults grown males men"),
        (Image, "on_cam on_camera on_facetime on_video webcam porn pic pics pictures photos photo nudes nude naked selfies video_call facetime top_off clothes_off"),
        (Online, "online snap snapchat insta instagram tiktok discord roblox fortnite xbox whatsapp omegle telegram facebook app"),
        (Gift, "takeaways takeaway iphone drink drinks nails robux vbucks money cash gifts presents vapes vape trainers clothes phone alcohol vodka weed lifts"),
        (Burner, "gave_me_a_phone given_a_phone have_to_answer burner burner_phone second_phone"),
        (Weapon, "hammer axe screwdriver crowbar poker machetes knife knives blade blades machete gun guns shank shanks nife kinfe machette baseball_bat"),
        (Imminent, "looking_for now rn tonight tomorrow later outside waiting coming right_now on_his_way on_their_way after_school this_morning tonite 2nite tmrw tmr tmoz 2moro 2morrow tomoz tnite 2nyt"),
        (Future, "gonna gna going will ill hell shell theyll theyre threatened threatening threaten threatens said says coming back wants"),
        (Threat, "kill stab shoot batter hurt jump merk shank beat slash murder do_me_in sort_me_out get_me"),
        (HighPlace, "bridge roof edge cliff tracks railway multi_storey"),
        (Goodbye, "note_saying_goodbye left_a_note goodbye_note suicide_note saying_goodbye said_bye_to said_goodbye_to this_is_goodbye tonights_the_night have_the_rope got_the_rope written_a_note wrote_a_note wont_be_here_tomorrow wont_be_around_tomorrow"),
        (Smash, "smash smashes smashed smashing punches punched kicks kicked breaks broke throws threw"),
        (Bleed, "bleeding bled blood black_eye black_eyes"),
        (Education, "worker workers officer officers advocate advocates idva idvas refuge refuges charity talk talks lesson lessons assembly session sessions training awareness leaflet leaflets video videos tiktok tiktoks course courses workshop workshops policy week day campaign poster posters crime support service services team referrals referral talks"),
        (Accident, "ball football rugby pe match car bike accident netball hockey cricket boxing trampoline trampolining scooter skateboard skatepark dodgeball"),
        (WeaponTalk, "knife_crime knife_arch knife_amnesty knife_crimes knife_talk knife_awareness"),
        (Venue, "club canteen party trip event camp cafe youth_club school"),
        (Home, "home house flat"),
        (First, "i im ive id ill me my we us our"),
        (Resolved, "sorted sorted_it it_stopped its_stopped helped_me_stop safe_now im_safe adoptive havent_for hasnt_for not_for_over clean_for no_longer thriving doing_well doing_really_well amazing helped a_good_place safe_ever_since been_safe_ever been_well_for been_well_ever safe_and_settled settled_and_happy settled_and_safe are_settled now_settled out_of_it_now long_gone no_contact hasnt_done_it havent_done_it hasnt_hurt_herself hasnt_hurt_himself havent_hurt_myself no_incidents not_done_anything im_ok_now im_okay_now im_fine_now shes_ok_now hes_ok_now doing_better_now doing_loads_better doing_much_better doing_so_much_better get_support_now has_support_now have_support_now ive_had_help had_therapy police_caught_him police_dealt_with_it police_were_brilliant police_were_amazing hes_gone_now shes_gone_now well_out_of_it completely_out_of_it come_through_it came_through_it been_fine_since been_fine_ever feel_safe_now not_allowed_near_us rebuilt_her_life rebuilt_my_life dont_anymore dont_any_more doesnt_anymore doesnt_any_more not_anymore not_any_more got_us_out got_him_out got_her_out got_me_out it_does_get_better its_loads_better safe_in_our_own_home stepped_down step_down case_closed"),
        (PastMark, "last_year used_to when_i_was_little when_i_was_younger when_i_was_small when_i_was_a_baby when_i_was_a_kid years_ago in_the_past back_then after_i_left since_i_left after_we_left since_we_left after_i_got_out years_back a_few_years_back last_summer two_years_on years_on when_he_was_little when_she_was_little when_he_was_younger when_she_was_younger when_the_children_were_small when_the_kids_were_small when_the_kids_were_little in_year_7 in_year_8 in_primary in_2017 in_2018 in_2019 in_2020 in_2021 in_2022 in_2023 in_2024 in_2016 in_year_6 in_year_9 previously history_of historic when_i_was_9 when_i_was_10 when_i_was_11 when_i_was_12 when_i_was_13 when_i_was_14 when_i_was_15 when_he_was_12 when_he_was_13 when_he_was_14 when_he_was_15 when_she_was_12 when_she_was_13 when_she_was_14 when_she_was_15 two_years_ago months_ago a_few_years_ago last_spring last_winter"),
        (Hypothetical, "imagine scenario scenarios role_play roleplay role_played roleplayed exercise quiz"),
        (Fight, "fight fights fighting fought argue argues arguing row rows rowing scream screaming screams shouting"),
        (HarmMe, "pulls_my_hair pulled_my_hair pull_my_hair pulls_her_hair pulled_her_hair by_the_hair by_the_throat knocks_me knocked_me hiding_with"),
        (SexualAct, "under_my_clothes under_her_clothes under_his_clothes into_bed_with in_bed_with"),
        (ResolvedNow, "it_stopped its_stopped sorted_it helped_me_stop havent_for hasnt_for clean_for not_for_over topped_it_up topped_up_the_meter came_back_on"),
        (Awareness, "learned learnt learning taught pshe assembly how_to_spot signs_of what_to_do_if where_to_go_if more_info information_on figures statistics stats annual_report refresher briefing screening_tool cases"),
        (ExStrong, "go_cunch going_cunch went_cunch trap_house going_country go_country went_country"),
        (AdultAge, "twenties thirties forties 20s 30s 40s"),
    ];

    private static readonly FrozenDictionary<string, ulong> Words;
    private static readonly FrozenDictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> WordLookup;

    /// <summary>Phrases by first word: the remaining words and the class.</summary>
    private static readonly FrozenDictionary<string, (string[] Tail, ulong Class)[]> Phrases;

    /// <summary>By phrase-start id (<see cref="PhraseIdOf"/>): the phrases that start with the word.</summary>
    private static readonly (string[] Tail, ulong Class)[][] PhraseLists;

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> PhraseIds;

    static ConcernLexicon()
    {
        var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<(string[], ulong)>>(StringComparer.Ordinal);
        foreach (var (cls, list) in Entries)
        {
            foreach (var entry in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (entry.Contains('_'))
                {
                    var parts = entry.Split('_');
                    if (!phrases.TryGetValue(parts[0], out var l))
                    {
                        phrases[parts[0]] = l = [];
                    }

                    l.Add((parts[1..], cls));
                }
                else
                {
                    words[entry] = words.GetValueOrDefault(entry) | cls;
                }
            }
        }

        Words = words.ToFrozenDictionary(StringComparer.Ordinal);
        WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = phrases.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lists = new List<(string[] Tail, ulong Class)[]>();
        foreach (var (word, list) in Phrases)
        {
            ids[word] = lists.Count;
            lists.Add(list);
        }

        PhraseLists = [.. lists];
        PhraseIds = ids.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every single word with its classes.</summary>
    public static IEnumerable<KeyValuePair<string, ulong>> AllWords => Words;

    /// <summary>Every word that starts a phrase.</summary>
    public static IEnumerable<string> PhraseStarts => Phrases.Keys;

    /// <summary>The classes of one word, trying the common phone spellings: "cuttin" as "cutting", "hitt" as "hit".</summary>
    public static ulong Classify(ReadOnlySpan<char> word)
    {
        if (WordLookup.TryGetValue(word, out var cls))
        {
            return cls;
        }

        return Misspelt(word);
    }

    /// <summary>The classes of a word not in the lexicon as written, read as a usual phone misspelling of one that is.</summary>
    public static ulong Misspelt(ReadOnlySpan<char> word)
    {
        ulong cls;
        if (word.Length >= 5 && word.Length < 24)
        {
            Span<char> buffer = stackalloc char[word.Length + 1];

            // "hittin", "cuttin", "beatin": a dropped g.
            if (word.EndsWith("in"))
            {
                word.CopyTo(buffer);
                buffer[word.Length] = 'g';
                if (WordLookup.TryGetValue(buffer[..(word.Length + 1)], out cls))
                {
                    return cls;
                }
            }

            // "batterd", "punchd": a dropped e.
            if (word[^1] == 'd' && word[^2] != 'e')
            {
                word[..^1].CopyTo(buffer);
                buffer[word.Length - 1] = 'e';
                buffer[word.Length] = 'd';
                if (WordLookup.TryGetValue(buffer[..(word.Length + 1)], out cls))
                {
                    return cls;
                }
            }

            // "smackked", "hitts": a doubled letter.
            var n = 0;
            for (var i = 0; i < word.Length; i++)
            {
                if (i == 0 || word[i] != word[i - 1])
                {
                    buffer[n++] = word[i];
                }
            }

            if (n < word.Length && WordLookup.TryGetValue(buffer[..n], out cls))
            {
                return cls;
            }
        }

        return 0;
    }

    /// <summary>Phrases that may start at <paramref name="word"/>, or empty.</summary>
    public static ReadOnlySpan<(string[] Tail, ulong Class)> PhrasesFrom(ReadOnlySpan<char> word) =>
        PhraseIdOf(word) is var id and >= 0 ? PhrasesOf(id) : [];

    /// <summary>
    /// The word's id among the words that start a phrase, or -1: a pure function of the word, so the concern tokens
    /// remember it per distinct word and read the phrases by <see cref="PhrasesOf"/> without a dictionary look-up.
    /// </summary>
    public static int PhraseIdOf(ReadOnlySpan<char> word) => PhraseIds.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The phrases that start with the word of phrase-start id <paramref name="id"/> (see <see cref="PhraseIdOf"/>).</summary>
    public static ReadOnlySpan<(string[] Tail, ulong Class)> PhrasesOf(int id) => PhraseLists[id];
}
